import Taro from '@tarojs/taro';

export type ScanOutcome = { kind: 'scanned'; code: string } | { kind: 'cancelled' } | { kind: 'failed' };

/**
 * Opens the camera for the worker's rotating check-in code. Camera only: a screenshot of the code forwarded in a chat
 * must not check anyone in who is not standing in front of the worker.
 */
export async function scanCheckinCode(): Promise<ScanOutcome> {
  try {
    const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    const code = typeof result === 'string' ? result.trim() : '';
    return code === '' ? { kind: 'failed' } : { kind: 'scanned', code };
  } catch (caught) {
    const errMsg = typeof caught === 'object' && caught !== null ? (caught as { errMsg?: unknown }).errMsg : undefined;
    return typeof errMsg === 'string' && errMsg.includes('cancel') ? { kind: 'cancelled' } : { kind: 'failed' };
  }
}

/**
 * The community a scanned check-in code is for (`v1.<communityId>.<slot>.<mac>`), or null when the text is not a
 * check-in code at all. Only used to avoid keeping a doomed record while offline; the server decides everything else.
 */
export function communityOfCode(code: string): string | null {
  const parts = code.split('.');
  if (parts.length !== 4 || parts[0] !== 'v1') return null;
  return parts[1] || null;
}
