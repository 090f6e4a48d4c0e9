import type { MeResponse } from '@pioneer/shared-types';
import { listCommunities } from '@/api/org';
import { getMe } from '@/api/me';

export interface WorkerCommunity {
  id: string;
  name: string;
}

export interface WorkerContext {
  me: MeResponse;
  /** The communities this person serves as a worker, in the order of their roles; empty for a non-worker. */
  communities: WorkerCommunity[];
}

// A street has a handful of communities; one page of this size holds any real street.
const STREET_PAGE_SIZE = 100;

/**
 * Who is looking and which communities they serve: a community-scoped worker role names its community, a street-scoped
 * one covers every community of that street. The server checks the scope again on every call.
 */
export async function loadWorkerContext(): Promise<WorkerContext> {
  const me = await getMe();
  const workerScopes = me.roles.filter((scope) => scope.role === 'worker' && scope.scopeId !== null);
  const lists = await Promise.all(
    workerScopes.map(async (scope): Promise<WorkerCommunity[]> => {
      const scopeId = scope.scopeId as string;
      if (scope.scopeKind === 'community') return [{ id: scopeId, name: scope.scopeName }];
      if (scope.scopeKind === 'street') {
        const page = await listCommunities({ streetId: scopeId, pageSize: STREET_PAGE_SIZE });
        return page.items.map((community) => ({ id: community.id, name: community.name }));
      }
      return [];
    }),
  );
  const seen = new Set<string>();
  const communities = lists.flat().filter((community) => {
    if (seen.has(community.id)) return false;
    seen.add(community.id);
    return true;
  });
  return { me, communities };
}
