import { useCallback, useState } from 'react';
import type { CommunityInput, CommunityView, StreetView } from '@pioneer/shared-types';
import { asApiError } from '@/api/api-error';
import {
  createCommunity,
  createStreet,
  deleteCommunity,
  deleteStreet,
  listAllCommunities,
  listAllStreets,
  updateCommunity,
  updateStreet,
} from '@/api/org';
import { useQuery } from '@/hooks/use-query';
import { useSubmit } from '@/hooks/use-submit';
import { confirmAction, tellFailure } from '@/services/confirm';
import { toast } from '@/services/toast';

export interface StreetGroup {
  street: StreetView;
  communities: CommunityView[];
}

/** Communities under their streets, both in the server's order. */
export function groupByStreet(streets: StreetView[], communities: CommunityView[]): StreetGroup[] {
  return streets.map((street) => ({
    street,
    communities: communities.filter((community) => community.streetId === street.id),
  }));
}

export type CommunityEditing =
  | { mode: 'create'; streetId: string }
  | { mode: 'edit'; community: CommunityView }
  | null;

/** Which street is being named: a new one, or one being renamed. */
export type StreetEditing = { mode: 'create' } | { mode: 'rename'; street: StreetView } | null;

export function useCommunities() {
  const data = useQuery(async () => {
    const [streets, communities] = await Promise.all([listAllStreets(), listAllCommunities()]);
    return { streets, groups: groupByStreet(streets, communities) };
  }, []);
  const reload = data.reload;
  const [community, setCommunity] = useState<CommunityEditing>(null);
  const [street, setStreet] = useState<StreetEditing>(null);

  const saveCommunity = useSubmit((key: string, id: string | null, input: CommunityInput) =>
    id ? updateCommunity(id, input, key) : createCommunity(input, key),
  );
  const saveStreet = useSubmit((key: string, id: string | null, name: string) =>
    id ? updateStreet(id, { name }, key) : createStreet({ name }, key),
  );
  const clearCommunityError = saveCommunity.clearError;
  const clearStreetError = saveStreet.clearError;

  const editCommunity = useCallback(
    (next: CommunityEditing) => {
      clearCommunityError();
      setCommunity(next);
    },
    [clearCommunityError],
  );
  const editStreet = useCallback(
    (next: StreetEditing) => {
      clearStreetError();
      setStreet(next);
    },
    [clearStreetError],
  );

  const submitCommunity = useCallback(
    async (input: CommunityInput): Promise<void> => {
      const saved = await saveCommunity.run(community?.mode === 'edit' ? community.community.id : null, input);
      if (!saved) return;
      toast(community?.mode === 'edit' ? '已保存' : '已添加');
      setCommunity(null);
      await reload();
    },
    [community, saveCommunity, reload],
  );

  const submitStreet = useCallback(
    async (name: string): Promise<void> => {
      const saved = await saveStreet.run(street?.mode === 'rename' ? street.street.id : null, name);
      if (!saved) return;
      toast(street?.mode === 'rename' ? '已保存' : '已添加');
      setStreet(null);
      await reload();
    },
    [street, saveStreet, reload],
  );

  const removeCommunity = useCallback(
    async (target: CommunityView): Promise<void> => {
      if (!(await confirmAction('删除社区', `确定删除“${target.name}”吗？删除后不能恢复。已有报到或服务记录的社区不能删除。`, '删除'))) {
        return;
      }
      try {
        await deleteCommunity(target.id);
        toast('已删除');
        await reload();
      } catch (caught) {
        tellFailure('无法删除', asApiError(caught).message);
      }
    },
    [reload],
  );

  const removeStreet = useCallback(
    async (target: StreetView): Promise<void> => {
      if (!(await confirmAction('删除街道', `确定删除“${target.name}”吗？街道下还有社区时不能删除。`, '删除'))) return;
      try {
        await deleteStreet(target.id);
        toast('已删除');
        await reload();
      } catch (caught) {
        tellFailure('无法删除', asApiError(caught).message);
      }
    },
    [reload],
  );

  return {
    data,
    community,
    editCommunity,
    submitCommunity,
    communitySaving: saveCommunity.pending,
    communityError: saveCommunity.error,
    street,
    editStreet,
    submitStreet,
    streetSaving: saveStreet.pending,
    streetError: saveStreet.error,
    removeCommunity,
    removeStreet,
  };
}
