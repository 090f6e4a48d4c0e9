import Taro from '@tarojs/taro';
import type { GeoPoint } from '@pioneer/shared-types';
import { wgs84ToGcj02 } from './gcj02';

export type LocationOutcome =
  | { kind: 'located'; point: GeoPoint; /** Fuzzy location: about a district wide, always reviewed by a worker. */ coarse: boolean }
  | { kind: 'denied' }
  | { kind: 'unavailable' };

/**
 * WeChat's fuzzy location reports no accuracy and is only good to a few kilometres; saying so keeps the server from
 * treating it as a close match, so the record goes to a worker (the app declares fuzzy location only, see app.config).
 */
export const FUZZY_ACCURACY_M = 3000;
/** The server's ceiling for a reported accuracy; a browser locating by IP address may report more. */
const MAX_ACCURACY_M = 100_000;
const BROWSER_TIMEOUT_MS = 15_000;

function errMsgOf(caught: unknown): string {
  const errMsg = typeof caught === 'object' && caught !== null ? (caught as { errMsg?: unknown }).errMsg : undefined;
  return typeof errMsg === 'string' ? errMsg : '';
}

async function fuzzyLocation(): Promise<LocationOutcome> {
  if (typeof Taro.getFuzzyLocation !== 'function') return { kind: 'unavailable' };
  try {
    const result = await Taro.getFuzzyLocation({ type: 'gcj02' });
    return {
      kind: 'located',
      coarse: true,
      point: { lat: result.latitude, lng: result.longitude, accuracy: FUZZY_ACCURACY_M },
    };
  } catch (caught) {
    // "auth deny" / "auth denied" when the person said no now or earlier, "privacy" when consent was refused.
    return /deny|denied|privacy|cancel/i.test(errMsgOf(caught)) ? { kind: 'denied' } : { kind: 'unavailable' };
  }
}

function browserLocation(): Promise<LocationOutcome> {
  const geolocation = typeof navigator === 'undefined' ? undefined : navigator.geolocation;
  if (!geolocation) return Promise.resolve({ kind: 'unavailable' });
  return new Promise((resolve) => {
    geolocation.getCurrentPosition(
      (position) => {
        const { lat, lng } = wgs84ToGcj02(position.coords.latitude, position.coords.longitude);
        const accuracy = Math.min(MAX_ACCURACY_M, Math.max(0, Math.round(position.coords.accuracy)));
        resolve({ kind: 'located', coarse: false, point: { lat, lng, accuracy } });
      },
      // 1 = PERMISSION_DENIED; position unavailable and timeout say nothing about the person's choice.
      (error) => resolve(error.code === 1 ? { kind: 'denied' } : { kind: 'unavailable' }),
      { enableHighAccuracy: true, timeout: BROWSER_TIMEOUT_MS, maximumAge: 60_000 },
    );
  });
}

/** Asked only after the person taps 定位签到; never in the background. */
export function locateForCheckin(): Promise<LocationOutcome> {
  return process.env.TARO_ENV === 'weapp' ? fuzzyLocation() : browserLocation();
}
