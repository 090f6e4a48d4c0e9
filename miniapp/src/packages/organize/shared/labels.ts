import type { ActivityStatus, SignupStatus } from '@pioneer/shared-types';
import type { StatusTone } from '@/components/status-tag';

export const ACTIVITY_STATUS_TONES: Record<ActivityStatus, StatusTone> = {
  draft: 'muted',
  in_review: 'warning',
  published: 'success',
  cancelled: 'danger',
  finished: 'primary',
};

export const SIGNUP_STATUS_TONES: Record<SignupStatus, StatusTone> = {
  confirmed: 'success',
  waitlisted: 'warning',
  cancelled: 'muted',
  attended: 'primary',
  absent: 'danger',
};

/** 已报名 12 / 30 人，候补 3 人; 不限 when there is no limit. */
export function placesText(activity: { confirmedCount: number; capacity: number | null; waitlistCount: number }): string {
  const given = activity.capacity === null ? `已报名 ${activity.confirmedCount} 人（名额不限）` : `已报名 ${activity.confirmedCount} / ${activity.capacity} 人`;
  return activity.waitlistCount > 0 ? `${given}，候补 ${activity.waitlistCount} 人` : given;
}
