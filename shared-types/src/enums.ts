// One source of truth for the closed vocabularies both sides speak.
// `as const` arrays give a runtime list (for validation) and a union type.

export const ROLES = ['member', 'worker', 'organizer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

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

export const MEMBER_STATUSES = ['invited', 'active', 'transferred', 'left'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export const REGISTRATION_STATUSES = ['pending', 'approved', 'rejected', 'ended'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const SERVICE_RECORD_STATUSES = ['open', 'pending', 'confirmed', 'rejected'] as const;
export type ServiceRecordStatus = (typeof SERVICE_RECORD_STATUSES)[number];

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

export const ACTIVITY_STATUSES = ['draft', 'in_review', 'published', 'cancelled', 'finished'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

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
