import type { ServiceFlag, ServiceRecordStatus, ServiceType, VerificationMethod } from '../enums.js';

/** The rotating check-in code a worker's phone shows; it changes every `slotSeconds`. */
export interface CheckinCodeResponse {
  communityId: string;
  communityName: string;
  /** What the QR encodes. */
  code: string;
  /** The same code in 6 digits, typed by hand only where a camera scan is impossible (demo H5). */
  shortCode: string;
  slotSeconds: number;
  /** ISO time when this code stops being current (the previous slot is still accepted for one more slot). */
  expiresAt: string;
}

export interface GeoPoint {
  /** GCJ-02 */
  lat: number;
  lng: number;
  /** Metres, as the phone reports it. */
  accuracy: number;
}

/** Start a visit: by a scanned code, or (only if the person chooses) by location. */
export interface ServiceStartRequest {
  code?: string;
  shortCode?: string;
  communityId?: string;
  location?: GeoPoint;
  /** Set only when the phone kept the record offline: the time it claims; such a record always goes to review. */
  offlineClaimedAt?: string;
  /** Doing a community need the member took on (a confirmed sign-up of theirs, at this community). */
  needId?: string;
}

export interface ServiceEndRequest {
  code?: string;
  shortCode?: string;
  serviceType: ServiceType;
  description: string;
  offlineClaimedAt?: string;
  /**
   * The hours the member proposes (0.5 steps). Omitted: the visit's real duration rounded to 0.5 h (at least 0.5 h).
   * More than that needs `hoursReason` and is flagged `hours_above_duration` for the confirming worker.
   */
  proposedHours?: number;
  hoursReason?: string;
}

/** A rejected record corrected by its member: a new pending record linked to the first (both stay in the audit). */
export interface ServiceResubmitRequest {
  serviceType: ServiceType;
  description: string;
  proposedHours: number;
  /** Required when `proposedHours` is above the visit's real duration. */
  hoursReason?: string;
}

/** How much of one day's hours cap is used and left, for the member (or, on-behalf, for each member on the sheet). */
export interface ServiceDayResponse {
  /** YYYY-MM-DD in Asia/Shanghai. */
  date: string;
  maxHoursPerDay: number;
  members: Array<{
    memberId: string;
    /** Confirmed hours plus hours still waiting for confirmation that day. */
    counted: number;
    /** What may still be recorded that day (never below 0). */
    remaining: number;
    /** The member's other visits that day, so a form can refuse overlapping times before sending. */
    visits: Array<{ id: string; startedAt: string; endedAt: string | null; status: ServiceRecordStatus }>;
  }>;
}

/** A member's own hours over the records the statistics count: confirmed, and still waiting (待确认). */
export interface MyHoursResponse {
  month: { confirmed: number; pending: number };
  year: { confirmed: number; pending: number };
  /** YYYY-MM and YYYY in Asia/Shanghai, so the screen names the period it shows. */
  monthKey: string;
  yearKey: string;
}

export interface ServiceRecordView {
  id: string;
  member: { id: string; name: string };
  community: { id: string; name: string };
  status: ServiceRecordStatus;
  startedAt: string;
  endedAt: string | null;
  startVerification: VerificationMethod;
  endVerification: VerificationMethod | null;
  /** Metres from the community centre, when location was used. */
  distanceM: number | null;
  serviceType: ServiceType | null;
  description: string | null;
  /** Hours credited (0.5 steps); 0 until both ends are verified and the record is confirmed. */
  hours: number;
  /** Hours the server times suggest, before confirmation. */
  proposedHours: number;
  flags: ServiceFlag[];
  onBehalf: boolean;
  onBehalfReason: string | null;
  decidedBy: { id: string; name: string } | null;
  decisionReason: string | null;
  decidedAt: string | null;
  /** The start time the phone claimed while offline. */
  offlineClaimedAt: string | null;
  /** The member's reason for proposing more hours than the visit lasted. */
  hoursReason: string | null;
  /** Set on a resubmission: the rejected record it corrects. */
  resubmittedFrom: string | null;
  /** Set on a rejected record once corrected and resubmitted: the new record. */
  resubmittedAs: string | null;
  /** Until when the worker who decided it may still undo the decision (ISO); null once that window has passed. */
  undoableUntil: string | null;
  /**
   * A start or an end was uploaded later with a time the phone claims (离线补传): its hours are only proposed, and
   * count once a worker confirms them with the hours they vouch for.
   */
  offlineClaim: boolean;
}

export interface ServiceQueueQuery {
  communityId?: string;
  status?: Extract<ServiceRecordStatus, 'pending' | 'open' | 'confirmed' | 'rejected'>;
  flagged?: boolean;
  /** Only records carrying this flag. */
  flag?: ServiceFlag;
  /** Service day (YYYY-MM-DD, Asia/Shanghai) from / to, inclusive. */
  dateFrom?: string;
  dateTo?: string;
  page?: number;
  pageSize?: number;
}

export interface ServiceDecisionRequest {
  ids: string[];
  decision: 'confirm' | 'reject';
  /** Required to reject. */
  reason?: string;
  /** When the end was not verified by a code, the worker confirms the hours (per record id). */
  hours?: Record<string, number>;
}

export interface ServiceDecisionResponse {
  decided: string[];
  /** Records that could not be decided, with why (not in scope, already decided, own record…). */
  skipped: Array<{ id: string; code: string; message: string }>;
  /** The decided records as they are now (with the decider's undo window), so a list can show each row's result in place. */
  records?: ServiceRecordView[];
}

/** After the undo window: a worker corrects a decided record's hours or decision, with a reason; audited. */
export interface ServiceCorrectionRequest {
  decision: 'confirm' | 'reject';
  /** Hours to credit when confirming (0.5 steps). */
  hours?: number;
  reason: string;
}

/** 补录: a worker records a visit for one or more members from a paper sign-in sheet. */
export interface ServiceOnBehalfRequest {
  memberIds: string[];
  communityId: string;
  startedAt: string;
  endedAt: string;
  serviceType: ServiceType;
  description: string;
  reason: string;
}

export interface FlagSummaryResponse {
  /** Counts per flag of records in the caller's scope, for organizers. Counts of records, never a ranking of people. */
  counts: Record<ServiceFlag, number>;
}
