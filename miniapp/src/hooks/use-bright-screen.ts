import { useCallback, useEffect, useRef } from 'react';
import Taro, { useDidHide, useDidShow } from '@tarojs/taro';

const FULL_BRIGHTNESS = 1;

/**
 * While the code is up the screen stays on at full brightness: people walk over to scan it, often outdoors, and a dim
 * or dark screen has no code. The person's own brightness comes back when the page is left or hidden. A browser has
 * neither control, so in H5 nothing happens.
 */
export function useBrightScreen(): void {
  const raised = useRef(false);
  const saved = useRef<number | null>(null);

  const raise = useCallback(async (): Promise<void> => {
    if (process.env.TARO_ENV !== 'weapp' || raised.current) return;
    raised.current = true;
    Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined);
    let before: number | null = null;
    try {
      before = (await Taro.getScreenBrightness()).value;
    } catch {
      // Unknown: WeChat drops the setting itself once the mini-program leaves the foreground.
    }
    // Left while asking: leave the brightness alone.
    if (!raised.current) return;
    saved.current = before;
    await Taro.setScreenBrightness({ value: FULL_BRIGHTNESS }).catch(() => undefined);
  }, []);

  const restore = useCallback((): void => {
    if (process.env.TARO_ENV !== 'weapp' || !raised.current) return;
    raised.current = false;
    Taro.setKeepScreenOn({ keepScreenOn: false }).catch(() => undefined);
    const before = saved.current;
    saved.current = null;
    if (before !== null) Taro.setScreenBrightness({ value: before }).catch(() => undefined);
  }, []);

  // On mount as well as on show: whether the first show reaches a hook registered during mount differs by platform.
  useEffect(() => {
    void raise();
    return restore;
  }, [raise, restore]);
  useDidShow(() => void raise());
  useDidHide(restore);
}
