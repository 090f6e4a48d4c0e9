import Taro from '@tarojs/taro';

export type ScanOutcome = { kind: 'scanned'; code: string } | { kind: 'cancelled' } | { kind: 'failed' };

/**
 * Opens the camera for a rotating check-in code (a worker's for a community, an organizer's for an activity). Camera
 * only: a screenshot of the code forwarded in a chat must not record anyone as present who is not standing in front
 * of it.
 */
export async function scanRotatingCode(): Promise<ScanOutcome> {
  try {
    const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    const code = typeof result === 'string' ? result.trim() : '';
    return code === '' ? { kind: 'failed' } : { kind: 'scanned', code };
  } catch (caught) {
    const errMsg = typeof caught === 'object' && caught !== null ? (caught as { errMsg?: unknown }).errMsg : undefined;
    return typeof errMsg === 'string' && errMsg.includes('cancel') ? { kind: 'cancelled' } : { kind: 'failed' };
  }
}
