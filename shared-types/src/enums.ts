// One source of truth for the closed vocabularies both sides speak.
// `as const` arrays give a runtime list (for validation) and a union type.

export const ROLES = ['member', 'worker', 'organizer', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  member: '党员',
  worker: '社区工作者',
  organizer: '组织者',
  admin: '管理员',
};

/** What a role assignment is limited to. A worker: community or street; an organizer: branch, unit or district. */
export const SCOPE_KINDS = ['self', 'community', 'street', 'branch', 'unit', 'district', 'system'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

export const UNIT_KINDS = ['government', 'enterprise', 'institution', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  government: '机关',
  enterprise: '企业',
  institution: '事业',
  other: '其他',
};

/**
 * invited: in the roster, not yet bound to WeChat; active: bound; transferred: moved out of the district's units;
 * retired / left: records stay, sign-in stops.
 */
export const MEMBER_STATUSES = ['invited', 'active', 'transferred', 'retired', 'left'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export const MEMBER_STATUS_LABELS: Record<MemberStatus, string> = {
  invited: '待绑定',
  active: '在册',
  transferred: '已转出',
  retired: '已退休',
  left: '已离开',
};
/** Statuses that may not sign in. */
export const INACTIVE_MEMBER_STATUSES: readonly MemberStatus[] = ['transferred', 'retired', 'left'];

export const SUGGESTION_STATUSES = ['submitted', 'in_progress', 'replied', 'closed'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];
export const SUGGESTION_STATUS_LABELS: Record<SuggestionStatus, string> = {
  submitted: '已提交',
  in_progress: '处理中',
  replied: '已答复',
  closed: '已办完',
};

export const REGISTRATION_STATUSES = ['pending', 'approved', 'rejected', 'ended'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** open: started, not ended; pending: waiting for a worker; confirmed / rejected: decided. */
export const SERVICE_RECORD_STATUSES = ['open', 'pending', 'confirmed', 'rejected'] as const;
export type ServiceRecordStatus = (typeof SERVICE_RECORD_STATUSES)[number];
export const SERVICE_RECORD_STATUS_LABELS: Record<ServiceRecordStatus, string> = {
  open: '进行中',
  pending: '待确认',
  confirmed: '已确认',
  rejected: '未通过',
};

/** How one end of a visit was verified. `offline`: kept on the phone without a signal; always reviewed. */
export const VERIFICATION_METHODS = ['code', 'geofence', 'worker', 'offline'] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

export const SERVICE_FLAGS = [
  'geofence_outside',
  'geofence_inaccurate',
  'offline_claimed_time',
  'impossible_travel',
  'never_closed',
  'repeated_rejections',
  'hours_above_duration',
] as const;
export type ServiceFlag = (typeof SERVICE_FLAGS)[number];
export const SERVICE_FLAG_LABELS: Record<ServiceFlag, string> = {
  geofence_outside: '定位不在社区范围内',
  geofence_inaccurate: '定位精度不足',
  offline_claimed_time: '离线记录，时间以手机为准',
  impossible_travel: '两次签到地点相距过远',
  never_closed: '超过 12 小时未签退，已自动结束',
  repeated_rejections: '近期多次未通过',
  hours_above_duration: '申报时长超过实际时长',
};

export const MESSAGE_KINDS = [
  'registration_approved',
  'registration_rejected',
  'service_confirmed',
  'service_rejected',
  'worker_pending',
  'suggestion_replied',
  'activity_review',
  'activity_reviewed',
  'activity_promoted',
  'activity_reminder',
  'activity_changed',
  'activity_cancelled',
  'need_taken',
  'problem_update',
  'system',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const SERVICE_TYPES = ['policy', 'environment', 'care', 'mediation', 'civility', 'volunteer', 'other'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];
export const SERVICE_TYPE_LABELS: Record<ServiceType, string> = {
  policy: '政策宣讲',
  environment: '环境整治',
  care: '帮扶慰问',
  mediation: '矛盾调解',
  civility: '文明创建',
  volunteer: '志愿服务',
  other: '其他',
};

export const ACTIVITY_KINDS = ['volunteer', 'return_home', 'resident_visit', 'party_day', 'training', 'other'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  volunteer: '志愿服务',
  return_home: '返乡走亲',
  resident_visit: '访民问暖',
  party_day: '主题党日',
  training: '培训',
  other: '其他',
};

/** Sub-kinds of 志愿服务; other kinds have none. */
export const VOLUNTEER_SUB_KINDS = ['blood_donation', 'tree_planting', 'caring', 'environment', 'other'] as const;
export type VolunteerSubKind = (typeof VOLUNTEER_SUB_KINDS)[number];
export const VOLUNTEER_SUB_KIND_LABELS: Record<VolunteerSubKind, string> = {
  blood_donation: '无偿献血',
  tree_planting: '绿化植树',
  caring: '结对关爱',
  environment: '环境整治',
  other: '其他志愿服务',
};

/** Kinds whose participants record each visit (a household or a village). */
export const VISIT_ACTIVITY_KINDS: readonly ActivityKind[] = ['return_home', 'resident_visit'];

/**
 * draft → in_review (district-wide only) → published → finished; cancelled from draft, in_review or published.
 * A branch- or unit-wide activity goes from draft straight to published.
 */
export const ACTIVITY_STATUSES = ['draft', 'in_review', 'published', 'cancelled', 'finished'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];
export const ACTIVITY_STATUS_LABELS: Record<ActivityStatus, string> = {
  draft: '草稿',
  in_review: '待审核',
  published: '已发布',
  cancelled: '已取消',
  finished: '已结束',
};

/**
 * Who an activity is for. branch / unit / district: an organizer's activity, open to that scope (or narrowed by an
 * eligibility list); community: a community need (需求清单) published by a worker of that community.
 */
export const ACTIVITY_SCOPE_KINDS = ['branch', 'unit', 'district', 'community'] as const;
export type ActivityScopeKind = (typeof ACTIVITY_SCOPE_KINDS)[number];

/** What a community need is: a small task, a resident's wish (微心愿), a standing service post (服务岗位). */
export const NEED_KINDS = ['task', 'wish', 'post'] as const;
export type NeedKind = (typeof NEED_KINDS)[number];
export const NEED_KIND_LABELS: Record<NeedKind, string> = {
  task: '小任务',
  wish: '微心愿',
  post: '服务岗位',
};

/**
 * confirmed: holds a place; waitlisted: in line (ordered); cancelled: by the person or an organizer;
 * attended / absent: after the activity (absent = a no-show).
 */
export const SIGNUP_STATUSES = ['confirmed', 'waitlisted', 'cancelled', 'attended', 'absent'] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];
export const SIGNUP_STATUS_LABELS: Record<SignupStatus, string> = {
  confirmed: '已报名',
  waitlisted: '候补中',
  cancelled: '已取消',
  attended: '已参加',
  absent: '未到场',
};

/** How attendance was established: the activity's rotating code, or an organizer marking it (from a paper sheet). */
export const ATTENDANCE_METHODS = ['code', 'organizer'] as const;
export type AttendanceMethod = (typeof ATTENDANCE_METHODS)[number];

/** Where a line of the hours ledger comes from. A correction carries a reason and may be negative. */
export const LEDGER_SOURCES = ['activity', 'service', 'correction'] as const;
export type LedgerSource = (typeof LEDGER_SOURCES)[number];
export const LEDGER_SOURCE_LABELS: Record<LedgerSource, string> = {
  activity: '活动',
  service: '报到服务',
  correction: '更正',
};

export const PROBLEM_CATEGORIES = ['medical', 'social_security', 'agriculture', 'education_employment', 'winter_heating', 'other'] as const;
export type ProblemCategory = (typeof PROBLEM_CATEGORIES)[number];
export const PROBLEM_CATEGORY_LABELS: Record<ProblemCategory, string> = {
  medical: '医疗救助',
  social_security: '社会保障',
  agriculture: '农业农村',
  education_employment: '就学就业',
  winter_heating: '冬季取暖',
  other: '其他',
};

/**
 * A resident's problem:
 *   registered ──answer──▶ answered (当场解答)
 *   registered | dispatched ──dispatch──▶ dispatched (to a unit or a community; again to send it elsewhere)
 *   dispatched ──start──▶ in_progress
 *   dispatched | in_progress ──resolve──▶ resolved      dispatched | in_progress ──close (reason)──▶ closed_unresolved
 *   answered | resolved | closed_unresolved ──follow_up (satisfaction)──▶ followed_up (回访)
 *   answered | resolved | followed_up ──reopen (reason)──▶ registered
 *   registered | dispatched | in_progress ──link_duplicate──▶ duplicate (counts once: as the problem it repeats)
 * "Answered" in the figures means answered on the spot or resolved, never closed unresolved.
 */
export const PROBLEM_STATUSES = [
  'registered',
  'answered',
  'dispatched',
  'in_progress',
  'resolved',
  'closed_unresolved',
  'followed_up',
  'duplicate',
] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];
export const PROBLEM_STATUS_LABELS: Record<ProblemStatus, string> = {
  registered: '已登记',
  answered: '当场解答',
  dispatched: '已交办',
  in_progress: '办理中',
  resolved: '已解决',
  closed_unresolved: '未解决已关闭',
  followed_up: '已回访',
  duplicate: '重复问题',
};
/** Statuses still waiting for someone to act: these can be overdue. */
export const PROBLEM_OPEN_STATUSES: readonly ProblemStatus[] = ['registered', 'dispatched', 'in_progress'];

export const PROBLEM_ACTIONS = ['answer', 'dispatch', 'start', 'resolve', 'close', 'follow_up', 'reopen', 'link_duplicate'] as const;
export type ProblemAction = (typeof PROBLEM_ACTIONS)[number];
/** Timeline entries that are not steps of the state machine: the first registration and a reminder (督办). */
export type ProblemEventKind = ProblemAction | 'register' | 'remind';
export const PROBLEM_ACTION_LABELS: Record<ProblemEventKind, string> = {
  register: '登记',
  remind: '督办',
  answer: '当场解答',
  dispatch: '交办',
  start: '开始办理',
  resolve: '已解决',
  close: '未解决，关闭',
  follow_up: '回访',
  reopen: '重新办理',
  link_duplicate: '标为重复',
};

/** urgent: answered the same day; normal: within 3 working days; complex: within 13 working days. */
export const PROBLEM_URGENCIES = ['urgent', 'normal', 'complex'] as const;
export type ProblemUrgency = (typeof PROBLEM_URGENCIES)[number];
export const PROBLEM_URGENCY_LABELS: Record<ProblemUrgency, string> = {
  urgent: '紧急（当天）',
  normal: '一般（3 个工作日）',
  complex: '复杂（13 个工作日）',
};
/** Working days after the day of registration; 0 = that same day. */
export const PROBLEM_DEADLINE_WORKING_DAYS: Record<ProblemUrgency, number> = { urgent: 0, normal: 3, complex: 13 };
