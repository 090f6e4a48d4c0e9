import { useCallback, useState } from 'react';
import type { MemberInput, MemberStatus } from '@pioneer/shared-types';
import { createMember, listAllUnits, searchMembers } from '@/api/org';
import { useQuery } from '@/hooks/use-query';
import { useSubmit } from '@/hooks/use-submit';
import { toast } from '@/services/toast';

export const PEOPLE_PAGE_SIZE = 20;

export interface PeopleFilters {
  /** The search as sent: a name, part of one, or a full phone number. */
  q: string;
  unitId: string;
  status: MemberStatus | '';
  page: number;
}

const NO_FILTERS: PeopleFilters = { q: '', unitId: '', status: '', page: 1 };

export function usePeople() {
  const [draft, setDraft] = useState('');
  const [filters, setFilters] = useState<PeopleFilters>(NO_FILTERS);

  const list = useQuery(
    () =>
      searchMembers({
        q: filters.q || undefined,
        unitId: filters.unitId || undefined,
        status: filters.status || undefined,
        page: filters.page,
        pageSize: PEOPLE_PAGE_SIZE,
      }),
    [filters],
    // Back from a person's page after a transfer or status change, the list shows it.
    { refreshOnShow: true },
  );
  const units = useQuery(listAllUnits, []);

  // Every change of what is searched for starts again at page 1.
  const search = useCallback(() => setFilters((current) => ({ ...current, q: draft.trim(), page: 1 })), [draft]);
  const setUnit = useCallback((unitId: string) => setFilters((current) => ({ ...current, unitId, page: 1 })), []);
  const setStatus = useCallback(
    (status: MemberStatus | '') => setFilters((current) => ({ ...current, status, page: 1 })),
    [],
  );
  const setPage = useCallback((page: number) => setFilters((current) => ({ ...current, page })), []);
  const clear = useCallback(() => {
    setDraft('');
    setFilters(NO_FILTERS);
  }, []);

  const [adding, setAdding] = useState(false);
  const create = useSubmit((key: string, input: MemberInput) => createMember(input, key));
  const clearCreateError = create.clearError;
  const startAdding = useCallback(
    (open: boolean) => {
      clearCreateError();
      setAdding(open);
    },
    [clearCreateError],
  );
  const reloadList = list.reload;
  const add = useCallback(
    async (input: MemberInput): Promise<void> => {
      const created = await create.run(input);
      if (!created) return;
      toast('已添加');
      setAdding(false);
      await reloadList();
    },
    [create, reloadList],
  );

  const filtered = filters.q !== '' || filters.unitId !== '' || filters.status !== '';
  return {
    draft,
    setDraft,
    filters,
    filtered,
    list,
    units,
    search,
    setUnit,
    setStatus,
    setPage,
    clear,
    adding,
    startAdding,
    add,
    creating: create.pending,
    createError: create.error,
  };
}
