import Taro from '@tarojs/taro';

type StatusListener = (result: { isConnected: boolean }) => void;

/**
 * Calls back whenever the phone gets a connection again, so what was kept offline goes out without a tap.
 * Returns the function that stops listening. In a browser the `online` event is used too: desktop browsers seldom
 * report network changes through navigator.connection, which is all Taro's H5 version listens to.
 */
export function onNetworkRestored(callback: () => void): () => void {
  const listener: StatusListener = (result) => {
    if (result.isConnected) callback();
  };
  const canListen = typeof Taro.onNetworkStatusChange === 'function';
  if (canListen) Taro.onNetworkStatusChange(listener);

  const online = (): void => callback();
  const browser = process.env.TARO_ENV === 'h5' && typeof window !== 'undefined';
  if (browser) window.addEventListener('online', online);

  return () => {
    if (canListen && typeof Taro.offNetworkStatusChange === 'function') Taro.offNetworkStatusChange(listener);
    if (browser) window.removeEventListener('online', online);
  };
}

/**
 * Calls back with whether the phone has a connection, whenever that changes (both ways). In a browser the
 * `online`/`offline` events are used too, for the same reason as above.
 */
export function onNetworkChange(callback: (connected: boolean) => void): () => void {
  const listener: StatusListener = (result) => callback(result.isConnected);
  const canListen = typeof Taro.onNetworkStatusChange === 'function';
  if (canListen) Taro.onNetworkStatusChange(listener);

  const online = (): void => callback(true);
  const offline = (): void => callback(false);
  const browser = process.env.TARO_ENV === 'h5' && typeof window !== 'undefined';
  if (browser) {
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
  }

  return () => {
    if (canListen && typeof Taro.offNetworkStatusChange === 'function') Taro.offNetworkStatusChange(listener);
    if (browser) {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    }
  };
}

/** Whether the phone says it has no connection right now; false when it cannot tell (then failed requests tell). */
export async function isOffline(): Promise<boolean> {
  if (process.env.TARO_ENV === 'h5') return typeof navigator !== 'undefined' && navigator.onLine === false;
  if (typeof Taro.getNetworkType !== 'function') return false;
  try {
    const { networkType } = await Taro.getNetworkType();
    return networkType === 'none';
  } catch {
    return false;
  }
}
