import Taro from '@tarojs/taro';

export type ScanOutcome = { kind: 'scanned'; code: string } | { kind: 'cancelled' } | { kind: 'failed' };

/**
 * Opens the camera for the activity's rotating code. Camera only: a photo of the code sent in a group chat must not
 * record anyone as present who is not at the door.
 */
export async function scanActivityCode(): Promise<ScanOutcome> {
  try {
    const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    const code = typeof result === 'string' ? result.trim() : '';
    return code === '' ? { kind: 'failed' } : { kind: 'scanned', code };
  } catch (caught) {
    const errMsg = typeof caught === 'object' && caught !== null ? (caught as { errMsg?: unknown }).errMsg : undefined;
    return typeof errMsg === 'string' && errMsg.includes('cancel') ? { kind: 'cancelled' } : { kind: 'failed' };
  }
}

/** Reads `?id=` (or another key) once the page has loaded: undefined until then, null when absent. */
export function queryValue(options: Record<string, string | undefined>, key: string): string | null {
  const value = options[key];
  return value ? decodeURIComponent(value) : null;
}
