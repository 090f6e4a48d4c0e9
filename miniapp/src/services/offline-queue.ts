import Taro from '@tarojs/taro';
import type { ServiceEndRequest, ServiceRecordView, ServiceStartRequest } from '@pioneer/shared-types';
import { asApiError, type ApiError } from '@/api/api-error';
import { getMe } from '@/api/me';
import { endService, startService } from '@/api/services';

// Check-ins and check-outs the phone could not send (no signal in an old building, a timeout), kept in storage and
// sent again with the same Idempotency-Key, so a request that did reach the server is answered, never done twice.
// The only module that touches this storage; pages read and change the queue through these functions.
const QUEUE_KEY = 'pioneer.pendingServiceWrites';
const CONTEXT_KEY = 'pioneer.serviceContext';

export type PendingState = 'waiting' | 'failed';

interface PendingBase {
  /** The Idempotency-Key of the first attempt, sent with every retry. */
  key: string;
  /** The member who acted; a queue is never sent while someone else is signed in on the phone. */
  ownerId: string;
  communityName: string;
  /** The phone's time of the action, sent as offlineClaimedAt; such records always go to a worker for review. */
  claimedAt: string;
  state: PendingState;
  attempts: number;
  /** Why the server refused it (failed), or what the last attempt ran into (waiting). */
  message: string | null;
}

export interface PendingStart extends PendingBase {
  kind: 'start';
  body: ServiceStartRequest;
}

export interface PendingEnd extends PendingBase {
  kind: 'end';
  /** The visit being ended, when the server knows it. */
  recordId: string | null;
  /** Otherwise the key of the pending start it ends; filled in with the record id once that start is uploaded. */
  startKey: string | null;
  startedAt: string;
  body: ServiceEndRequest;
}

export type PendingWrite = PendingStart | PendingEnd;

export interface KeepStartInput {
  key: string;
  ownerId: string;
  communityName: string;
  claimedAt: string;
  body: ServiceStartRequest;
}

export interface KeepEndInput {
  key: string;
  ownerId: string;
  communityName: string;
  claimedAt: string;
  recordId: string | null;
  startKey: string | null;
  startedAt: string;
  body: ServiceEndRequest;
}

export interface FlushOutcome {
  /** Records the server now holds because of this flush. */
  uploaded: ServiceRecordView[];
  /** Items the server refused during this flush (kept, shown with its reason, never sent again by themselves). */
  refused: number;
  /** Items still waiting for a connection. */
  waiting: number;
}

/** The member this phone last served and the community they are registered with, for checking in without signal. */
export interface ServiceContext {
  memberId: string;
  community: { id: string; name: string } | null;
}

const START_DEPENDS_MESSAGE = '签到没有上传成功，这次签退也无法上传。请联系社区工作者为您补录。';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isPendingWrite(value: unknown): value is PendingWrite {
  if (!isObject(value)) return false;
  return (
    (value.kind === 'start' || value.kind === 'end') &&
    typeof value.key === 'string' &&
    typeof value.ownerId === 'string' &&
    typeof value.claimedAt === 'string' &&
    isObject(value.body)
  );
}

function readQueue(): PendingWrite[] {
  const stored: unknown = Taro.getStorageSync(QUEUE_KEY);
  return Array.isArray(stored) ? stored.filter(isPendingWrite) : [];
}

function writeQueue(items: PendingWrite[]): void {
  if (items.length === 0) Taro.removeStorageSync(QUEUE_KEY);
  else Taro.setStorageSync(QUEUE_KEY, items);
}

function update(key: string, change: (item: PendingWrite) => PendingWrite | null): void {
  const next: PendingWrite[] = [];
  for (const item of readQueue()) {
    if (item.key !== key) {
      next.push(item);
      continue;
    }
    const changed = change(item);
    if (changed) next.push(changed);
  }
  writeQueue(next);
}

/** Oldest first, and a start before the end that follows it at the same moment. */
function inOrder(a: PendingWrite, b: PendingWrite): number {
  const byTime = Date.parse(a.claimedAt) - Date.parse(b.claimedAt);
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
  return a.kind === b.kind ? 0 : a.kind === 'start' ? -1 : 1;
}

/** The member's writes still on the phone, oldest first; none when nobody is known. */
export function pendingWrites(ownerId: string | null | undefined): PendingWrite[] {
  if (!ownerId) return [];
  return readQueue()
    .filter((item) => item.ownerId === ownerId)
    .sort(inOrder);
}

/**
 * Keeps a start that could not be sent. The body gets the phone's time as offlineClaimedAt; the key stays the first
 * attempt's. Keeping the same key twice keeps one item. Throws when storage is full (the page must say so).
 */
export function keepStart(input: KeepStartInput): PendingStart {
  const existing = readQueue().find((item) => item.key === input.key);
  if (existing?.kind === 'start') return existing;
  const item: PendingStart = {
    kind: 'start',
    key: input.key,
    ownerId: input.ownerId,
    communityName: input.communityName,
    claimedAt: input.claimedAt,
    state: 'waiting',
    attempts: 1,
    message: null,
    body: { ...input.body, offlineClaimedAt: input.claimedAt },
  };
  writeQueue([...readQueue(), item]);
  return item;
}

/** Keeps an end that could not be sent, like keepStart. */
export function keepEnd(input: KeepEndInput): PendingEnd {
  const existing = readQueue().find((item) => item.key === input.key);
  if (existing?.kind === 'end') return existing;
  const item: PendingEnd = {
    kind: 'end',
    key: input.key,
    ownerId: input.ownerId,
    communityName: input.communityName,
    claimedAt: input.claimedAt,
    state: 'waiting',
    attempts: 1,
    message: null,
    recordId: input.recordId,
    startKey: input.startKey,
    startedAt: input.startedAt,
    body: { ...input.body, offlineClaimedAt: input.claimedAt },
  };
  writeQueue([...readQueue(), item]);
  return item;
}

/** Gives up on one item (after the server refused it). A start takes the ends that depend on it along. */
export function discardPending(key: string): void {
  writeQueue(readQueue().filter((item) => item.key !== key && !(item.kind === 'end' && item.startKey === key)));
}

/**
 * A failed item is sent again on the next flush (after the person fixed what was wrong, or just to try again). A start
 * takes along the check-outs that failed only because of it.
 */
export function retryPending(key: string): void {
  writeQueue(
    readQueue().map((item): PendingWrite => {
      const dependent = item.kind === 'end' && item.startKey === key;
      return item.key === key || dependent ? { ...item, state: 'waiting', message: null } : item;
    }),
  );
}

export function serviceContext(): ServiceContext | null {
  const stored: unknown = Taro.getStorageSync(CONTEXT_KEY);
  if (!isObject(stored) || typeof stored.memberId !== 'string') return null;
  const community = stored.community;
  return {
    memberId: stored.memberId,
    community:
      isObject(community) && typeof community.id === 'string' && typeof community.name === 'string'
        ? { id: community.id, name: community.name }
        : null,
  };
}

/**
 * Remembers who is using the phone and, when known, their registered community. Without a community argument the
 * community is kept for the same member and forgotten for anyone else.
 */
export function rememberServiceContext(memberId: string, community?: { id: string; name: string } | null): void {
  const previous = serviceContext();
  const kept = previous?.memberId === memberId ? previous.community : null;
  const context: ServiceContext = { memberId, community: community === undefined ? kept : community };
  Taro.setStorageSync(CONTEXT_KEY, context);
}

/**
 * Whether a failed write should be kept and sent again later: no answer at all, the server or a proxy in trouble,
 * rate limits, or the same request still running. Not a 401: a signed-out phone is online, and is asked to sign in
 * (the API client does that) rather than have a live check-in kept as an offline claim.
 */
export function isRetryLater(error: ApiError): boolean {
  return (
    error.status === 0 ||
    error.status === 408 ||
    error.status === 429 ||
    error.status >= 500 ||
    error.code === 'IDEMPOTENCY_IN_PROGRESS'
  );
}

/** The session has ended: what is kept stays kept, to be sent once the member has signed in again. */
export function isSignedOut(error: ApiError): boolean {
  return error.status === 401;
}

/** The server's sentence, with the per-field reasons when it sent them (e.g. a record kept longer than the offline window). */
export function refusalMessage(error: ApiError): string {
  if (Array.isArray(error.details) && error.details.length > 0) {
    return error.details.map((detail) => detail.message).join('；');
  }
  return error.message;
}

type SendResult = 'uploaded' | 'refused' | 'later';

function markLater(item: PendingWrite, error: ApiError): SendResult {
  update(item.key, (current) => ({ ...current, attempts: current.attempts + 1, message: error.message }));
  return 'later';
}

function markRefused(key: string, message: string): void {
  update(key, (current) => ({ ...current, state: 'failed', attempts: current.attempts + 1, message }));
}

/**
 * After a start is settled, the ends waiting for it learn its record id and wait to be sent (even one marked failed
 * when an earlier attempt of that start was refused), or fail with the reason when it has none.
 */
function settleDependents(startKey: string, recordId: string | null, failure = START_DEPENDS_MESSAGE): void {
  const items = readQueue().map((item): PendingWrite => {
    if (item.kind !== 'end' || item.startKey !== startKey) return item;
    return recordId
      ? { ...item, recordId, startKey: null, state: 'waiting', message: null }
      : { ...item, state: 'failed', message: failure };
  });
  writeQueue(items);
}

/**
 * The body the first attempt was sent with: the kept one less the phone's time, which only the queue adds.
 * A kept item goes out with its first attempt's key and the phone's time; a 422 for it says that key was already
 * used with another body — normally that first attempt. The 422 proves nothing by itself, so the first attempt's
 * identical body is sent again under its key, and the server's answer to that (its stored response) decides.
 */
function firstAttemptBody<B extends { offlineClaimedAt?: string }>(body: B): B {
  const first = { ...body };
  delete first.offlineClaimedAt;
  return first;
}

async function sendStart(item: PendingStart, outcome: FlushOutcome): Promise<SendResult> {
  try {
    let record: ServiceRecordView;
    try {
      record = await startService(item.body, item.key);
    } catch (caught) {
      if (asApiError(caught).code !== 'IDEMPOTENCY_KEY_REUSED') throw caught;
      record = await startService(firstAttemptBody(item.body), item.key);
    }
    update(item.key, () => null);
    settleDependents(item.key, record.id);
    outcome.uploaded.push(record);
    return 'uploaded';
  } catch (caught) {
    const error = asApiError(caught);
    if (isRetryLater(error) || isSignedOut(error)) return markLater(item, error);
    markRefused(item.key, refusalMessage(error));
    settleDependents(item.key, null);
    return 'refused';
  }
}

async function sendEnd(item: PendingEnd, outcome: FlushOutcome): Promise<SendResult> {
  if (item.recordId === null) {
    // Its start was refused or given up on: the end cannot stand alone.
    markRefused(item.key, START_DEPENDS_MESSAGE);
    return 'refused';
  }
  const recordId = item.recordId;
  try {
    let record: ServiceRecordView;
    try {
      record = await endService(recordId, item.body, item.key);
    } catch (caught) {
      if (asApiError(caught).code !== 'IDEMPOTENCY_KEY_REUSED') throw caught;
      record = await endService(recordId, firstAttemptBody(item.body), item.key);
    }
    update(item.key, () => null);
    outcome.uploaded.push(record);
    return 'uploaded';
  } catch (caught) {
    const error = asApiError(caught);
    if (isRetryLater(error) || isSignedOut(error)) return markLater(item, error);
    markRefused(item.key, refusalMessage(error));
    return 'refused';
  }
}

async function flushOnce(): Promise<FlushOutcome> {
  const outcome: FlushOutcome = { uploaded: [], refused: 0, waiting: 0 };
  if (readQueue().length === 0) return outcome;

  // Whoever is signed in now: another person's check-in must never be sent under this session, nor shown (the
  // remembered member changes with the answer, and pages show the remembered member's items).
  let memberId: string;
  try {
    memberId = (await getMe()).id;
  } catch {
    outcome.waiting = readQueue().filter((item) => item.state === 'waiting').length;
    return outcome;
  }
  rememberServiceContext(memberId);

  for (;;) {
    const next = pendingWrites(memberId).find((item) => item.state === 'waiting');
    if (!next) break;
    const result = next.kind === 'start' ? await sendStart(next, outcome) : await sendEnd(next, outcome);
    if (result === 'refused') outcome.refused += 1;
    // Without a connection the rest would fail the same way; they go on the next flush.
    if (result === 'later') break;
  }
  outcome.waiting = pendingWrites(memberId).filter((item) => item.state === 'waiting').length;
  return outcome;
}

let flushing: Promise<FlushOutcome> | null = null;

/**
 * Sends what is waiting, oldest first, each with its own key. Single flight: a page shown again and the network
 * coming back at the same moment share one run, so no item is ever in flight twice.
 */
export function flushPending(): Promise<FlushOutcome> {
  if (flushing === null) {
    flushing = flushOnce().finally(() => {
      flushing = null;
    });
  }
  return flushing;
}
