import { useCallback, useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';

type PrivacyResolve = (option: Taro.onNeedPrivacyAuthorization.ResolveOption) => void;
type Presenter = (resolve: PrivacyResolve) => void;

/** The id of the agree button: WeChat checks that the button with this id was really tapped. */
export const PRIVACY_AGREE_BUTTON_ID = 'pioneer-privacy-agree';

// WeChat keeps one listener for the whole app, so it is registered once and hands each request to the consent
// pop-up of the most recently opened page that has one.
const presenters: Presenter[] = [];
let listening = false;

function listenOnce(): void {
  if (listening || process.env.TARO_ENV !== 'weapp') return;
  // Base libraries before 2.32.3 have no privacy API and need no consent step.
  if (typeof Taro.onNeedPrivacyAuthorization !== 'function') return;
  listening = true;
  Taro.onNeedPrivacyAuthorization((resolve) => {
    const present = presenters[presenters.length - 1];
    // No page able to ask: refusing lets the calling API fail visibly instead of hanging.
    if (present) present(resolve);
    else resolve({ event: 'disagree' });
  });
}

export interface PrivacyAuthorization {
  visible: boolean;
  agree: () => void;
  disagree: () => void;
}

/** Shows the page's own consent pop-up whenever a privacy API (getPhoneNumber, location…) needs consent first. */
export function usePrivacyAuthorization(): PrivacyAuthorization {
  const [visible, setVisible] = useState(false);
  const pending = useRef<PrivacyResolve | null>(null);

  useEffect(() => {
    const present: Presenter = (resolve) => {
      // A second request while the pop-up is open replaces the first; the first one is refused so it does not hang.
      pending.current?.({ event: 'disagree' });
      pending.current = resolve;
      resolve({ event: 'exposureAuthorization' });
      setVisible(true);
    };
    presenters.push(present);
    listenOnce();
    return () => {
      const index = presenters.lastIndexOf(present);
      if (index >= 0) presenters.splice(index, 1);
      pending.current?.({ event: 'disagree' });
      pending.current = null;
    };
  }, []);

  const settle = useCallback((option: Taro.onNeedPrivacyAuthorization.ResolveOption): void => {
    pending.current?.(option);
    pending.current = null;
    setVisible(false);
  }, []);

  const agree = useCallback(() => settle({ event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID }), [settle]);
  const disagree = useCallback(() => settle({ event: 'disagree' }), [settle]);

  return { visible, agree, disagree };
}
