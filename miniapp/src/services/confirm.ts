import Taro from '@tarojs/taro';

const BRAND_RED = '#c8161d';

/** Asks before anything that cannot be undone. `confirmText` is at most 4 characters (WeChat's limit). */
export async function confirmAction(title: string, content: string, confirmText = '确定'): Promise<boolean> {
  try {
    const answer = await Taro.showModal({ title, content, confirmText, confirmColor: BRAND_RED, cancelText: '取消' });
    return answer.confirm;
  } catch {
    return false;
  }
}

/** A message that needs acknowledging (why a delete was refused), rather than a toast that vanishes. */
export function tellFailure(title: string, content: string): void {
  Taro.showModal({ title, content, showCancel: false, confirmText: '知道了', confirmColor: BRAND_RED }).catch(() => undefined);
}
