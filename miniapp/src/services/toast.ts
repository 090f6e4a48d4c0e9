import Taro from '@tarojs/taro';

/** A short notice that vanishes by itself; a toast that fails to show is not worth an error. */
export function toast(title: string, icon: 'success' | 'none' = 'success'): void {
  Taro.showToast({ title, icon }).catch(() => undefined);
}
