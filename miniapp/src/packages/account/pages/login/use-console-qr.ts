import { useCallback, useEffect, useRef, useState } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';
import type { ConsoleTicketResponse } from '@pioneer/shared-types';
import { asApiError, type ApiError } from '@/api/api-error';
import { createConsoleTicket, pollConsoleTicket } from '@/api/auth';
import { completeSignIn } from '@/services/account';

export type ConsoleQrStatus = 'loading' | 'pending' | 'scanned' | 'confirmed' | 'expired' | 'error';

export interface ConsoleQrState {
  status: ConsoleQrStatus;
  /** What the QR encodes, once a ticket exists. */
  payload: string | null;
  /** Why no ticket could be fetched (status `error`). */
  error: ApiError | null;
  /** The last poll got no answer; polling goes on, more slowly. */
  unstable: boolean;
}

export const POLL_INTERVAL_MS = 2_000;
export const MAX_POLL_INTERVAL_MS = 30_000;

interface Ticket extends ConsoleTicketResponse {
  expiresAt: number;
}

const INITIAL: ConsoleQrState = { status: 'loading', payload: null, error: null, unstable: false };

/**
 * The desktop console's QR sign-in: fetch a ticket, show its payload, poll until the phone confirms. Polls run one at a
 * time, pause while the page is hidden, and slow down (2 s → 4 s → … → 30 s) while the network fails.
 */
export function useConsoleQr() {
  const [state, setState] = useState<ConsoleQrState>(INITIAL);
  const ticket = useRef<Ticket | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const polling = useRef(false);
  const visible = useRef(true);
  const mounted = useRef(true);
  const failures = useRef(0);
  // Bumped for every new ticket, so an answer about the previous ticket is ignored.
  const generation = useRef(0);

  const stop = useCallback((): void => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  }, []);

  // poll and schedule call each other; the timer goes through this ref so both can stay stable callbacks.
  const pollRef = useRef<() => Promise<void>>(() => Promise.resolve());

  const schedule = useCallback(
    (delay: number): void => {
      stop();
      if (!visible.current || !mounted.current || ticket.current === null) return;
      timer.current = setTimeout(() => void pollRef.current(), delay);
    },
    [stop],
  );

  const expire = useCallback((): void => {
    stop();
    ticket.current = null;
    setState((previous) => ({ ...previous, status: 'expired', unstable: false }));
  }, [stop]);

  const poll = useCallback(async (): Promise<void> => {
    const current = ticket.current;
    if (current === null || polling.current || !visible.current || !mounted.current) return;
    if (Date.now() >= current.expiresAt) {
      expire();
      return;
    }
    const id = generation.current;
    polling.current = true;
    let next: number | null = POLL_INTERVAL_MS;
    try {
      const answer = await pollConsoleTicket({ ticketId: current.ticketId, pollSecret: current.pollSecret });
      if (id !== generation.current || !mounted.current) return;
      failures.current = 0;
      const status = answer.status;
      if (status === 'pending' || status === 'scanned') {
        setState((previous) => ({ ...previous, status, unstable: false }));
      } else if (answer.status === 'confirmed' && answer.session) {
        next = null;
        ticket.current = null;
        setState((previous) => ({ ...previous, status: 'confirmed', unstable: false }));
        completeSignIn(answer.session);
      } else {
        // expired, or consumed (the session was collected elsewhere): only a new code helps.
        next = null;
        expire();
      }
    } catch (caught) {
      if (id !== generation.current || !mounted.current) return;
      const error = asApiError(caught);
      if (error.code === 'CONSOLE_TICKET_EXPIRED' || error.code === 'CONSOLE_TICKET_INVALID') {
        next = null;
        expire();
      } else {
        failures.current += 1;
        next = Math.min(POLL_INTERVAL_MS * 2 ** failures.current, MAX_POLL_INTERVAL_MS);
        setState((previous) => ({ ...previous, unstable: true }));
      }
    } finally {
      polling.current = false;
      if (next !== null && id === generation.current) schedule(next);
    }
  }, [expire, schedule]);
  pollRef.current = poll;

  const refresh = useCallback(async (): Promise<void> => {
    generation.current += 1;
    const id = generation.current;
    stop();
    ticket.current = null;
    failures.current = 0;
    setState(INITIAL);
    try {
      const created = await createConsoleTicket();
      if (id !== generation.current || !mounted.current) return;
      ticket.current = { ...created, expiresAt: Date.now() + created.expiresIn * 1000 };
      setState({ status: 'pending', payload: created.scanPayload, error: null, unstable: false });
      schedule(POLL_INTERVAL_MS);
    } catch (caught) {
      if (id !== generation.current || !mounted.current) return;
      setState({ status: 'error', payload: null, error: asApiError(caught), unstable: false });
    }
  }, [stop, schedule]);

  useEffect(() => {
    mounted.current = true;
    void refresh();
    return () => {
      mounted.current = false;
      generation.current += 1;
      stop();
    };
  }, [refresh, stop]);

  useDidHide(() => {
    visible.current = false;
    stop();
  });

  useDidShow(() => {
    if (visible.current) return;
    visible.current = true;
    // Catch up at once: the phone may have confirmed while this tab was in the background.
    void poll();
  });

  return { state, refresh };
}
