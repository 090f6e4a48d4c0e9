import Taro from '@tarojs/taro';

export function toast(title: string, icon: 'success' | 'none' = 'success'): void {
  Taro.showToast({ title, icon }).catch(() => undefined);
}
