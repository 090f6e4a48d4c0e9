import Taro from '@tarojs/taro';
import type { ProblemCategory, ProblemDetail, ProblemInput, ProblemUrgency } from '@pioneer/shared-types';
import { asApiError, type ApiError } from '@/api/api-error';
import { createIdempotencyKey } from '@/api/client';
import { createProblem } from '@/api/problems';
import { isRetryLater, isSignedOut } from './offline-queue';

// The problem being recorded, kept on the phone as it is typed: a member standing in a resident's kitchen may have no
// signal, and what the resident said must not be lost. One draft per member (another person signed in on the same
// phone never sees it, nor sends it). Once submitted, the draft keeps the body and the Idempotency-Key of the first
// attempt, and every retry sends exactly those, so a request that did reach the server is never recorded twice.
// The only module that touches this storage.
const DRAFTS_KEY = 'pioneer.problemDrafts';

export type PlaceKind = 'community' | 'village';

/** What the form holds, as typed (strings may be empty; the form checks them before submitting). */
export interface ProblemForm {
  residentName: string;
  residentPhone: string;
  residentAddress: string;
  residentConsent: boolean;
  placeKind: PlaceKind;
  communityId: string | null;
  communityName: string | null;
  village: string;
  category: ProblemCategory | null;
  description: string;
  urgency: ProblemUrgency | null;
  visitId: string | null;
}

export interface ProblemDraft {
  ownerId: string;
  form: ProblemForm;
  /** Set once submitted: what is sent, and the key of the first attempt, until the server has accepted it. */
  pending: { key: string; body: ProblemInput } | null;
  savedAt: string;
}

export type DraftSendResult =
  | { kind: 'sent'; problem: ProblemDetail }
  /** No connection (or a session to renew): kept, to be sent again with the same key. */
  | { kind: 'later' }
  /** The server said no (a field, a rule): the draft is editable again; a new submit gets a new key. */
  | { kind: 'refused'; error: ApiError }
  | { kind: 'none' };

export function emptyForm(visitId: string | null = null): ProblemForm {
  return {
    residentName: '',
    residentPhone: '',
    residentAddress: '',
    residentConsent: false,
    placeKind: 'community',
    communityId: null,
    communityName: null,
    village: '',
    category: null,
    description: '',
    urgency: null,
    visitId,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isDraft(value: unknown): value is ProblemDraft {
  if (!isObject(value) || typeof value.ownerId !== 'string' || !isObject(value.form)) return false;
  const pending = value.pending;
  return pending === null || (isObject(pending) && typeof pending.key === 'string' && isObject(pending.body));
}

function readAll(): Record<string, ProblemDraft> {
  const stored: unknown = Taro.getStorageSync(DRAFTS_KEY);
  if (!isObject(stored)) return {};
  const out: Record<string, ProblemDraft> = {};
  for (const [ownerId, draft] of Object.entries(stored)) if (isDraft(draft) && draft.ownerId === ownerId) out[ownerId] = draft;
  return out;
}

function writeAll(drafts: Record<string, ProblemDraft>): void {
  if (Object.keys(drafts).length === 0) Taro.removeStorageSync(DRAFTS_KEY);
  else Taro.setStorageSync(DRAFTS_KEY, drafts);
}

/** This member's draft, or null; never anyone else's. */
export function loadDraft(ownerId: string | null | undefined): ProblemDraft | null {
  if (!ownerId) return null;
  return readAll()[ownerId] ?? null;
}

/**
 * Keeps the form as typed. A draft already submitted and waiting for the network is not changed: what is sent again
 * must be what was sent first.
 */
export function saveDraft(ownerId: string, form: ProblemForm): ProblemDraft {
  const drafts = readAll();
  const current = drafts[ownerId];
  if (current?.pending) return current;
  const draft: ProblemDraft = { ownerId, form, pending: null, savedAt: new Date().toISOString() };
  drafts[ownerId] = draft;
  writeAll(drafts);
  return draft;
}

export function clearDraft(ownerId: string): void {
  const drafts = readAll();
  if (!(ownerId in drafts)) return;
  delete drafts[ownerId];
  writeAll(drafts);
}

/** Freezes the draft for sending: one key for this body, kept until the server accepts it. Returns the key. */
export function markSubmitted(ownerId: string, form: ProblemForm, body: ProblemInput): string {
  const drafts = readAll();
  const current = drafts[ownerId];
  if (current?.pending) return current.pending.key;
  const key = createIdempotencyKey();
  drafts[ownerId] = { ownerId, form, pending: { key, body }, savedAt: new Date().toISOString() };
  writeAll(drafts);
  return key;
}

function unfreeze(ownerId: string): void {
  const drafts = readAll();
  const current = drafts[ownerId];
  if (!current) return;
  drafts[ownerId] = { ...current, pending: null };
  writeAll(drafts);
}

const inFlight = new Map<string, Promise<DraftSendResult>>();

async function sendOnce(ownerId: string): Promise<DraftSendResult> {
  const draft = loadDraft(ownerId);
  if (!draft?.pending) return { kind: 'none' };
  try {
    const problem = await createProblem(draft.pending.body, draft.pending.key);
    clearDraft(ownerId);
    return { kind: 'sent', problem };
  } catch (caught) {
    const error = asApiError(caught);
    if (isRetryLater(error) || isSignedOut(error)) return { kind: 'later' };
    unfreeze(ownerId);
    return { kind: 'refused', error };
  }
}

/**
 * Sends this member's submitted draft, if there is one, with its first key. Single flight per member: the page opened
 * again and the network coming back at the same moment share one request.
 */
export function sendDraft(ownerId: string): Promise<DraftSendResult> {
  const running = inFlight.get(ownerId);
  if (running) return running;
  const run = sendOnce(ownerId).finally(() => inFlight.delete(ownerId));
  inFlight.set(ownerId, run);
  return run;
}
