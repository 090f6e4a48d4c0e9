import Taro from '@tarojs/taro';

// The scanned payload goes from 我的 to the confirm page in memory rather than in the page URL: it is a short-lived
// credential and page URLs end up in logs and crash reports.
let pendingPayload: string | null = null;

export function setPendingConsoleScan(payload: string): void {
  pendingPayload = payload;
}

/** Returns the payload once; a second read (page shown again) gets null. */
export function takePendingConsoleScan(): string | null {
  const payload = pendingPayload;
  pendingPayload = null;
  return payload;
}

export type ConsoleScanOutcome = { kind: 'scanned'; payload: string } | { kind: 'cancelled' } | { kind: 'failed' };

/**
 * Opens the camera for the desktop console's login QR. Camera only: a screenshot of someone else's QR, forwarded in a
 * chat, must not be usable to sign a stranger into the console.
 */
export async function scanConsoleCode(): Promise<ConsoleScanOutcome> {
  try {
    const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    const payload = typeof result === 'string' ? result.trim() : '';
    return payload === '' ? { kind: 'failed' } : { kind: 'scanned', payload };
  } catch (caught) {
    const errMsg = typeof caught === 'object' && caught !== null ? (caught as { errMsg?: unknown }).errMsg : undefined;
    const message = typeof errMsg === 'string' ? errMsg : '';
    return message.includes('cancel') ? { kind: 'cancelled' } : { kind: 'failed' };
  }
}
