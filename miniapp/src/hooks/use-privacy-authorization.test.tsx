import { act, renderHook } from '@testing-library/react';
import { taroMock } from '@test/taro-mock';
import { PRIVACY_AGREE_BUTTON_ID, usePrivacyAuthorization } from './use-privacy-authorization';

describe('usePrivacyAuthorization (weapp)', () => {
  const originalEnv = process.env.TARO_ENV;
  // The listener is app-wide and registered once per app, like WeChat's; it survives taroMock.reset().
  let listener: NonNullable<typeof taroMock.privacyListener> | null = null;
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
  });
  afterEach(() => {
    process.env.TARO_ENV = originalEnv;
  });

  function ask(): jest.Mock {
    listener = listener ?? taroMock.privacyListener;
    if (!listener) throw new Error('no privacy listener registered');
    const resolve = jest.fn();
    const registered = listener;
    act(() => registered(resolve));
    return resolve;
  }

  it('shows the pop-up when WeChat asks and resolves with the agree button id on 同意', () => {
    const { result } = renderHook(() => usePrivacyAuthorization());
    expect(result.current.visible).toBe(false);

    const resolve = ask();
    expect(result.current.visible).toBe(true);
    expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' });

    act(() => result.current.agree());
    expect(resolve).toHaveBeenLastCalledWith({ event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID });
    expect(result.current.visible).toBe(false);
  });

  it('resolves disagree on 不同意, and when the page closes with the pop-up open', () => {
    const { result, unmount } = renderHook(() => usePrivacyAuthorization());
    const first = ask();
    act(() => result.current.disagree());
    expect(first).toHaveBeenLastCalledWith({ event: 'disagree' });

    const second = ask();
    unmount();
    expect(second).toHaveBeenLastCalledWith({ event: 'disagree' });
  });

  it('refuses when no page that can ask is open, so the calling API fails instead of hanging', () => {
    const resolve = ask();
    expect(resolve).toHaveBeenCalledWith({ event: 'disagree' });
  });
});
