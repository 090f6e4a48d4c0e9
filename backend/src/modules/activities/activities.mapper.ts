import type { ActivitySummary, ActivityThemeView, MySignupState, SignupView } from '@pioneer/shared-types';
import type { ActivityThemeEntity } from './entities/activity-theme.entity.js';
import type { ActivityEntity } from './entities/activity.entity.js';
import type { SignupEntity } from './entities/signup.entity.js';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function mapTheme(t: ActivityThemeEntity): ActivityThemeView {
  return { id: t.id, month: t.month, title: t.title };
}

/** What lists show of an activity; names and the caller's sign-up are looked up by the caller (one query per page). */
export function mapActivitySummary(
  a: ActivityEntity,
  related: {
    theme?: ActivityThemeEntity | null;
    community?: { id: string; name: string } | null;
    mySignup?: MySignupState | null;
  } = {},
): ActivitySummary {
  return {
    id: a.id,
    kind: a.kind,
    subKind: a.subKind,
    needKind: a.needKind,
    scopeKind: a.scopeKind,
    theme: related.theme ? mapTheme(related.theme) : null,
    title: a.title,
    place: a.place,
    community: related.community ?? null,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    signupDeadline: a.signupDeadline.toISOString(),
    cancelDeadline: a.cancelDeadline.toISOString(),
    status: a.status,
    capacity: a.capacity,
    waitlistLimit: a.waitlistLimit,
    confirmedCount: a.confirmedCount,
    waitlistCount: a.waitlistCount,
    creditedHours: a.creditedHours,
    mySignup: related.mySignup ?? null,
  };
}

/** `position`: the 1-based waitlist place, computed by the caller (waitlisted sign-ups with a smaller ticket + 1). */
export function mySignupState(s: SignupEntity, position: number | null): MySignupState {
  return { id: s.id, status: s.status, waitlistPosition: s.status === 'waitlisted' ? position : null };
}

export function mapSignup(
  s: SignupEntity,
  member: { id: string; name: string; unitName: string | null },
  position: number | null,
): SignupView {
  return {
    id: s.id,
    activityId: s.activityId,
    member,
    status: s.status,
    waitlistPosition: s.status === 'waitlisted' ? position : null,
    signedUpAt: s.signedUpAt.toISOString(),
    onBehalf: s.onBehalf,
    checkedInAt: iso(s.checkedInAt),
    checkedOutAt: iso(s.checkedOutAt),
    attendanceMethod: s.attendanceMethod,
    creditedHours: s.creditedHours,
  };
}
