import { act, render } from '@testing-library/react';
import { taroMock } from '@test/taro-mock';
import ProgressRing from '@/components/progress-ring';
import { useBrightScreen } from '@/hooks/use-bright-screen';
import { isOffline } from '@/services/network-watch';

// What only the weapp build does: the API base differs there, so these run without the page's requests.
function BrightPage() {
  useBrightScreen();
  return <ProgressRing fraction={0.25} label="签到码 4 秒后自动更新" />;
}

describe('the check-in code in the weapp', () => {
  const env = process.env.TARO_ENV;
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
  });
  afterEach(() => {
    process.env.TARO_ENV = env;
  });

  it('raises the brightness and keeps the screen on while shown, and gives the person’s brightness back', async () => {
    taroMock.brightness = 0.3;
    const { unmount } = render(<BrightPage />);
    await act(async () => undefined);
    expect(taroMock.brightness).toBe(1);
    expect(taroMock.keepScreenOn).toBe(true);

    act(() => taroMock.triggerDidHide());
    expect(taroMock.brightness).toBe(0.3);
    expect(taroMock.keepScreenOn).toBe(false);

    act(() => taroMock.triggerDidShow());
    await act(async () => undefined);
    expect(taroMock.brightness).toBe(1);

    unmount();
    expect(taroMock.brightness).toBe(0.3);
    expect(taroMock.brightnessSets).toEqual([1, 0.3, 1, 0.3]);
  });

  it('does not raise the brightness when the page is left before the phone told its brightness', async () => {
    const { unmount } = render(<BrightPage />);
    unmount();
    await act(async () => undefined);
    expect(taroMock.brightnessSets).toEqual([]);
    expect(taroMock.keepScreenOn).toBe(false);
  });

  it('draws the ring without SVG, as a conic gradient, with its words for screen readers', () => {
    const { container } = render(<BrightPage />);
    const ring = container.querySelector('.progress-ring--conic') as HTMLElement;
    expect(container.querySelector('svg')).toBeNull();
    expect(ring.getAttribute('aria-label')).toBe('签到码 4 秒后自动更新');
    expect(ring.style.background).toContain('90deg');
  });

  it('asks the phone whether it has a network', async () => {
    taroMock.networkType = 'none';
    await expect(isOffline()).resolves.toBe(true);
    taroMock.networkType = '4g';
    await expect(isOffline()).resolves.toBe(false);
  });
});

describe('the check-in code in H5', () => {
  it('changes nothing about the screen, which a browser cannot control', async () => {
    const { container } = render(<BrightPage />);
    await act(async () => undefined);
    expect(taroMock.brightnessSets).toEqual([]);
    expect(taroMock.keepScreenOn).toBeNull();
    expect(container.querySelector('.progress-ring svg')).not.toBeNull();
  });
});
