import { useSignedInApi } from '@/hooks/use-signed-in-api';
import { loadWorkerContext } from './communities';

/** The signed-in worker and their communities, refreshed when the page is shown again (back from signing in). */
export function useWorker() {
  const worker = useSignedInApi(loadWorkerContext);
  return { signedIn: worker.signedIn, context: worker.data, error: worker.error, loading: worker.loading, reload: worker.reload };
}
