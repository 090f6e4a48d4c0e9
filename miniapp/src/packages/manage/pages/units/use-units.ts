import { useCallback, useState } from 'react';
import type { UnitInput, UnitView } from '@pioneer/shared-types';
import { createUnit, deleteUnit, listUnits, updateUnit } from '@/api/org';
import { asApiError } from '@/api/api-error';
import { useQuery } from '@/hooks/use-query';
import { useSubmit } from '@/hooks/use-submit';
import { confirmAction, tellFailure } from '@/services/confirm';
import { toast } from '@/services/toast';

export const UNITS_PAGE_SIZE = 20;

/** What the form is doing: nothing (the list shows), adding, or changing one unit. */
export type UnitEditing = { mode: 'create' } | { mode: 'edit'; unit: UnitView } | null;

export function useUnits() {
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<UnitEditing>(null);
  const list = useQuery(() => listUnits({ page, pageSize: UNITS_PAGE_SIZE }), [page]);
  const reload = list.reload;

  const save = useSubmit((key: string, unitId: string | null, input: UnitInput) =>
    unitId ? updateUnit(unitId, input, key) : createUnit(input, key),
  );
  const clearSaveError = save.clearError;

  const open = useCallback(
    (next: UnitEditing) => {
      clearSaveError();
      setEditing(next);
    },
    [clearSaveError],
  );

  const submit = useCallback(
    async (input: UnitInput): Promise<void> => {
      const saved = await save.run(editing?.mode === 'edit' ? editing.unit.id : null, input);
      if (!saved) return;
      toast(editing?.mode === 'edit' ? '已保存' : '已添加');
      setEditing(null);
      await reload();
    },
    [editing, save, reload],
  );

  const remove = useCallback(
    async (unit: UnitView): Promise<void> => {
      const sure = await confirmAction(
        '删除单位',
        `确定删除“${unit.name}”吗？删除后不能恢复。仍有党员或组织者的单位不能删除。`,
        '删除',
      );
      if (!sure) return;
      try {
        await deleteUnit(unit.id);
        toast('已删除');
        await reload();
      } catch (caught) {
        tellFailure('无法删除', asApiError(caught).message);
      }
    },
    [reload],
  );

  return { page, setPage, list, editing, open, submit, saving: save.pending, saveError: save.error, remove };
}
