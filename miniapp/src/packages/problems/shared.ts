import Taro from '@tarojs/taro';
import { PROBLEM_OPEN_STATUSES, type ProblemPlace, type ProblemStatus } from '@pioneer/shared-types';
import type { StatusTone } from '@/components/status-tag';
import { ROUTES } from '@/constants/routes';

// A failed navigation (a double tap while a page is opening) leaves the person where they are.
const ignore = (): void => undefined;

export function openProblem(id: string): void {
  Taro.navigateTo({ url: `${ROUTES.problemDetail}?id=${encodeURIComponent(id)}` }).catch(ignore);
}

/** After recording: the new problem replaces the form, so 返回 does not lead back into a sent form. */
export function showRecordedProblem(id: string): void {
  Taro.redirectTo({ url: `${ROUTES.problemDetail}?id=${encodeURIComponent(id)}` }).catch(ignore);
}

export function openNewProblem(visitId?: string): void {
  const url = visitId ? `${ROUTES.problemNew}?visitId=${encodeURIComponent(visitId)}` : ROUTES.problemNew;
  Taro.navigateTo({ url }).catch(ignore);
}

export function placeText(place: ProblemPlace): string {
  if (place.community) return place.community.name;
  return place.village ? `返乡走亲 · ${place.village}` : '';
}

export function statusTone(status: ProblemStatus): StatusTone {
  if (PROBLEM_OPEN_STATUSES.includes(status)) return status === 'registered' ? 'warning' : 'primary';
  if (status === 'closed_unresolved') return 'danger';
  if (status === 'duplicate') return 'muted';
  return 'success';
}

/** YYYY-MM-DD → 3月5日 */
export function dayText(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match ? `${Number(match[2])}月${Number(match[3])}日` : day;
}
