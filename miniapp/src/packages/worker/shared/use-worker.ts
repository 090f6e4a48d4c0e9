import { useSignedInApi } from '@/hooks/use-signed-in-api';
import { loadWorkerContext } from './communities';

/** The signed-in worker and their communities, refreshed when the page is shown again (back from signing in). */
export function useWorker() {
  const { data, ...state } = useSignedInApi(loadWorkerContext);
  return { ...state, context: data };
}
