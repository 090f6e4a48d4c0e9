import { useCallback, useEffect, useRef, useState } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';
import type { CheckinCodeResponse } from '@pioneer/shared-types';
import { asApiError, type ApiError } from '@/api/api-error';
import { isOffline, onNetworkChange } from '@/services/network-watch';

/**
 * Fetch a little after `expiresAt`: asked exactly at the boundary, a server whose clock is a few ms behind would
 * answer with the code being replaced. The previous slot stays valid, so the old code is never refused meanwhile.
 */
export const REFRESH_MARGIN_MS = 300;
export const RETRY_MIN_MS = 2_000;
export const RETRY_MAX_MS = 15_000;
const TICK_MS = 1_000;

export interface RotatingCodeState {
  /** The last code received; kept on screen (greyed) while a refresh fails. */
  code: CheckinCodeResponse | null;
  /** The last attempt failed for lack of a network or a server answer; retrying by itself. */
  unstable: boolean;
  /** The phone reports no connection: the code on screen cannot be replaced and may stop being accepted. */
  offline: boolean;
  /**
   * A refusal retrying cannot fix (not this community's worker, not this activity's organizer); nothing is shown but
   * the message.
   */
  error: ApiError | null;
  /** Whole seconds until the code on screen is replaced. */
  secondsLeft: number;
}

/** The code on screen is past its time and no newer one came: a member scanning it may be refused. */
export function isExpired(state: RotatingCodeState): boolean {
  return state.code !== null && state.secondsLeft === 0 && (state.unstable || state.offline);
}

/** Failures worth retrying by themselves: no answer, a timeout, an overloaded or restarting server. */
function isTransient(error: ApiError): boolean {
  return error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500;
}

/**
 * How long the code just received stays current, by the phone's clock. A phone whose clock disagrees with the
 * server's (delay outside one slot) gets one slot from now: the code it shows is then at worst one slot old, which
 * the server still accepts.
 */
export function refreshDelay(code: CheckinCodeResponse, now: number): number {
  const slotMs = code.slotSeconds * 1000;
  const untilExpiry = new Date(code.expiresAt).getTime() - now;
  const delay = Number.isFinite(untilExpiry) && untilExpiry > 0 && untilExpiry <= slotMs ? untilExpiry : slotMs;
  return delay + REFRESH_MARGIN_MS;
}

const INITIAL: RotatingCodeState = { code: null, unstable: false, offline: false, error: null, secondsLeft: 0 };

/** Fetches the current code for one community (getCheckinCode) or one activity (getActivityCode). */
export type RotatingCodeFetcher = (id: string) => Promise<CheckinCodeResponse>;

/**
 * The rotating code for one community or one activity: fetched again when it expires, paused while the page is hidden
 * (no code is fetched for a screen nobody sees), fetched at once when shown again. While the network fails the last
 * code stays, marked, and the fetch is retried with a growing pause.
 */
export function useRotatingCode(targetId: string | null, fetcher: RotatingCodeFetcher) {
  const [state, setState] = useState<RotatingCodeState>(INITIAL);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const deadline = useRef(0);
  const failures = useRef(0);
  const visible = useRef(true);
  const mounted = useRef(true);
  // Bumped for each target and each fetch, so a late answer for a previous one is ignored.
  const generation = useRef(0);
  const targetRef = useRef(targetId);
  targetRef.current = targetId;
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;
  const fetchRef = useRef<() => Promise<void>>(() => Promise.resolve());

  const stop = useCallback((): void => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  }, []);

  const schedule = useCallback(
    (delay: number): void => {
      stop();
      if (!visible.current || !mounted.current) return;
      timer.current = setTimeout(() => void fetchRef.current(), delay);
    },
    [stop],
  );

  const fetchCode = useCallback(async (): Promise<void> => {
    const target = targetRef.current;
    if (target === null || !visible.current || !mounted.current) return;
    stop();
    const id = ++generation.current;
    try {
      const code = await fetcherRef.current(target);
      if (id !== generation.current || !mounted.current) return;
      failures.current = 0;
      const delay = refreshDelay(code, Date.now());
      deadline.current = Date.now() + delay - REFRESH_MARGIN_MS;
      setState({ code, unstable: false, offline: false, error: null, secondsLeft: Math.ceil((delay - REFRESH_MARGIN_MS) / 1000) });
      schedule(delay);
    } catch (caught) {
      if (id !== generation.current || !mounted.current) return;
      const error = asApiError(caught);
      if (!isTransient(error)) {
        setState((previous) => ({ ...INITIAL, offline: previous.offline, error }));
        return;
      }
      failures.current += 1;
      setState((previous) => ({ ...previous, unstable: true, error: null }));
      schedule(Math.min(RETRY_MIN_MS * 2 ** (failures.current - 1), RETRY_MAX_MS));
    }
  }, [schedule, stop]);
  fetchRef.current = fetchCode;

  // Another community or activity: drop the previous one's code at once, it must never be shown under this name.
  useEffect(() => {
    generation.current += 1;
    failures.current = 0;
    stop();
    setState(INITIAL);
    if (targetId !== null) void fetchRef.current();
  }, [targetId, stop]);

  // The countdown: whole seconds, from the phone's clock against the deadline set when the code arrived.
  useEffect(() => {
    const tick = setInterval(() => {
      if (!visible.current) return;
      const left = Math.max(0, Math.ceil((deadline.current - Date.now()) / 1000));
      setState((previous) => (previous.code === null || previous.secondsLeft === left ? previous : { ...previous, secondsLeft: left }));
    }, TICK_MS);
    return () => clearInterval(tick);
  }, []);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      generation.current += 1;
      stop();
    };
  }, [stop]);

  // The phone's own word on its connection: shown at once, not only when the next refresh fails; a connection
  // coming back fetches the current code without waiting for the next retry.
  useEffect(() => {
    let active = true;
    void isOffline().then((offline) => {
      if (active && offline) setState((previous) => ({ ...previous, offline: true }));
    });
    const stopListening = onNetworkChange((connected) => {
      setState((previous) => (previous.offline === !connected ? previous : { ...previous, offline: !connected }));
      if (connected) {
        failures.current = 0;
        void fetchRef.current();
      }
    });
    return () => {
      active = false;
      stopListening();
    };
  }, []);

  useDidHide(() => {
    visible.current = false;
    stop();
  });

  useDidShow(() => {
    if (visible.current) return;
    visible.current = true;
    // The code on screen went stale while hidden: fetch the current one at once.
    void fetchRef.current();
  });

  const retry = useCallback((): void => {
    failures.current = 0;
    void fetchRef.current();
  }, []);

  return { state, retry };
}
