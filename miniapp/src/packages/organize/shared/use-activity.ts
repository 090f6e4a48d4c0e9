import { getActivity } from '@/api/activities';
import { useQuery } from '@/hooks/use-query';

/** The activity a page is about, fetched again when the page is shown again. */
export function useActivity(id: string) {
  return useQuery(() => getActivity(id), [id], { refreshOnShow: true });
}
