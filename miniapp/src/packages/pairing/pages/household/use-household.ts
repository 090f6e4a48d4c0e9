import { useCallback, useState } from 'react';
import Taro, { useLoad, usePullDownRefresh } from '@tarojs/taro';
import type { HouseholdContact, VisitInput, VisitView } from '@pioneer/shared-types';
import { recordVisit } from '@/api/activities';
import type { FieldErrors } from '@/api/field-errors';
import { endPairing, getHousehold, listHouseholdVisits, readHouseholdContact } from '@/api/households';
import { useApi, useRefreshOnShow } from '@/hooks/use-api';
import { useFormErrors } from '@/hooks/use-form-errors';
import { usePagedList } from '@/hooks/use-paged-list';
import { useSubmit } from '@/hooks/use-submit';
import { toast } from '@/services/toast';
import { dayKey, isDay } from '../../shared/dates';

export const VISITS_PAGE_SIZE = 10;
export const PLACE_MAX = 100;
export const NOTE_MAX = 500;
export const DEFAULT_PLACE = '结对户走访';
/** The residents'-problems form, opened from a visit it came up in. */
export const PROBLEM_NEW_PATH = '/packages/problems/pages/new/index';
const VISIT_FIELDS = ['visitedOn', 'place', 'note', 'householdId'] as const;

export function problemFromVisitUrl(visitId: string): string {
  return `${PROBLEM_NEW_PATH}?visitId=${encodeURIComponent(visitId)}`;
}

export function useHousehold() {
  const [id, setId] = useState<string | null>(null);
  useLoad((options: Record<string, string | undefined>) => setId(options.id ? decodeURIComponent(options.id) : ''));
  const enabled = id !== null && id !== '';

  const detail = useApi(() => getHousehold(id ?? ''), { enabled });
  const visits = usePagedList((page) => listHouseholdVisits(id ?? '', { page, pageSize: VISITS_PAGE_SIZE }), { enabled });
  const reloadDetail = detail.reload;
  const reloadVisits = visits.reload;
  const refresh = useCallback(async () => {
    await Promise.all([reloadDetail(), reloadVisits()]);
  }, [reloadDetail, reloadVisits]);
  useRefreshOnShow(refresh);
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });

  // ---- the full contact, read on need (the server records who read it)
  const [contact, setContact] = useState<HouseholdContact | null>(null);
  const contactRead = useSubmit((key: string) => readHouseholdContact(id ?? '', key));
  const readContact = useCallback(async () => {
    const full = await contactRead.run();
    if (full) setContact(full);
  }, [contactRead]);

  // ---- ending a pairing
  const [ending, setEnding] = useState<string | null>(null);
  const ender = useSubmit((key: string, pairingId: string, reason: string) => endPairing(pairingId, { reason }, key));
  const confirmEnd = useCallback(
    async (reason: string) => {
      if (!ending) return;
      const ended = await ender.run(ending, reason);
      if (!ended) return;
      setEnding(null);
      toast('已结束结对', 'success');
      await reloadDetail();
    },
    [ending, ender, reloadDetail],
  );

  // ---- recording a visit
  const [visitedOn, setVisitedOnValue] = useState(() => dayKey(new Date()));
  const [place, setPlaceValue] = useState(DEFAULT_PLACE);
  const [note, setNoteValue] = useState('');
  const [recorded, setRecorded] = useState<VisitView | null>(null);
  const visitSubmit = useSubmit((key: string, body: VisitInput) => recordVisit(body, key));
  const visitForm = useFormErrors(visitSubmit.error, VISIT_FIELDS);
  const { clear, setLocal } = visitForm;

  const submitVisit = useCallback(async () => {
    const day = visitedOn.trim();
    const local: FieldErrors = {};
    if (!isDay(day)) local.visitedOn = '请按“2026-03-05”的格式写日期';
    else if (day > dayKey(new Date())) local.visitedOn = '走访日期不能晚于今天';
    if (place.trim() === '') local.place = '请填写走访地点';
    setLocal(local);
    if (Object.keys(local).length > 0 || !id) return;
    const body: VisitInput = { householdId: id, visitedOn: day, place: place.trim(), ...(note.trim() ? { note: note.trim() } : {}) };
    const visit = await visitSubmit.run(body);
    if (!visit) return;
    setRecorded(visit);
    setNoteValue('');
    toast('已记录走访', 'success');
    await refresh();
  }, [visitedOn, place, note, id, setLocal, visitSubmit, refresh]);

  return {
    id,
    detail,
    visits,
    contact,
    readContact,
    contactPending: contactRead.pending,
    contactError: contactRead.error?.message,
    ending,
    startEnd: (pairingId: string) => {
      ender.clearError();
      setEnding(pairingId);
    },
    cancelEnd: () => setEnding(null),
    confirmEnd,
    endPending: ender.pending,
    endError: ender.error?.message,
    clearEndError: ender.clearError,
    visit: {
      visitedOn,
      setVisitedOn: (value: string) => {
        setVisitedOnValue(value);
        clear('visitedOn');
      },
      place,
      setPlace: (value: string) => {
        setPlaceValue(value);
        clear('place');
      },
      note,
      setNote: (value: string) => {
        setNoteValue(value);
        clear('note');
      },
      errors: visitForm.errors,
      formError: visitForm.message,
      submitting: visitSubmit.pending,
      submit: submitVisit,
      recorded,
    },
    openProblem: (visitId: string) => {
      Taro.navigateTo({ url: problemFromVisitUrl(visitId) }).catch(() => undefined);
    },
  };
}
