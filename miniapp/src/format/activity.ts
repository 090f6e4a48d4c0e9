import {
  ACTIVITY_KIND_LABELS,
  NEED_KIND_LABELS,
  SIGNUP_STATUS_LABELS,
  VOLUNTEER_SUB_KIND_LABELS,
  type ActivitySummary,
  type MySignupState,
} from '@pioneer/shared-types';
import type { StatusTone } from '@/components/status-tag';

/** 志愿服务 · 无偿献血, a need's kind (微心愿), or the kind alone. */
export function kindText(activity: Pick<ActivitySummary, 'kind' | 'subKind' | 'needKind' | 'scopeKind'>): string {
  if (activity.scopeKind === 'community' && activity.needKind) return `社区需求 · ${NEED_KIND_LABELS[activity.needKind]}`;
  const kind = ACTIVITY_KIND_LABELS[activity.kind];
  return activity.subKind ? `${kind} · ${VOLUNTEER_SUB_KIND_LABELS[activity.subKind]}` : kind;
}

export function isFull(activity: Pick<ActivitySummary, 'capacity' | 'confirmedCount'>): boolean {
  return activity.capacity !== null && activity.confirmedCount >= activity.capacity;
}

/** What is left: places, a waitlist place, or no limit. Never a count of who came. */
export function placesText(activity: ActivitySummary): string {
  if (activity.capacity === null) return '不限名额';
  const left = activity.capacity - activity.confirmedCount;
  if (left > 0) return `还剩 ${left} 个名额`;
  if (activity.waitlistLimit > activity.waitlistCount) return `名额已满，可候补（第 ${activity.waitlistCount + 1} 位）`;
  return '名额和候补都已满';
}

/** 已报名 / 候补中（第 2 位） / … */
export function signupText(signup: MySignupState): string {
  const label = SIGNUP_STATUS_LABELS[signup.status];
  return signup.status === 'waitlisted' && signup.waitlistPosition !== null ? `${label}（第 ${signup.waitlistPosition} 位）` : label;
}

export function signupTone(signup: MySignupState): StatusTone {
  switch (signup.status) {
    case 'confirmed':
    case 'attended':
      return 'success';
    case 'waitlisted':
      return 'warning';
    case 'absent':
      return 'danger';
    default:
      return 'muted';
  }
}
