import type { ModelPostView } from '@pioneer/shared-types';
import { apiRequest } from './client';

/** The demonstration posts (党员示范岗) the caller holds, shown on 我的. */
export function listMyPosts(): Promise<ModelPostView[]> {
  return apiRequest<ModelPostView[]>('/api/v1/me/posts');
}
