import type { FieldError } from '@pioneer/shared-types';

/** msg_sec_check refuses longer text; counted in characters (code points), as people count them. */
export const MSG_SEC_CHECK_MAX_CHARS = 2500;

/** getwxacodeunlimit `scene`: 1–32 visible characters from this set; anything else must be encoded by the caller. */
export const QR_SCENE_PATTERN = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;
export const QR_MIN_WIDTH = 280;
export const QR_MAX_WIDTH = 1280;

export function charCount(text: string): number {
  return [...text].length;
}

export function isValidQrScene(scene: string): boolean {
  return QR_SCENE_PATTERN.test(scene);
}

/** A page is a path like `pages/index/index`: no leading slash, no query (parameters belong in `scene`). */
export function isValidQrPage(page: string): boolean {
  return /^[A-Za-z0-9_\-]+(\/[A-Za-z0-9_\-]+)*$/.test(page);
}

export interface QrCodeRuleInput {
  scene: string;
  page?: string;
  width?: number;
}

/** Problems with a QR-code request, checked before calling WeChat so a bad id never costs a call. */
export function qrCodeRuleErrors(input: QrCodeRuleInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!isValidQrScene(input.scene)) {
    errors.push({ field: 'scene', message: '小程序码参数须为 1–32 个字母、数字或 !#$&\'()*+,/:;=?@-._~ 字符' });
  }
  if (input.page !== undefined && !isValidQrPage(input.page)) {
    errors.push({ field: 'page', message: '小程序码页面路径格式不正确（开头不要加 /，也不能带参数）' });
  }
  const { width } = input;
  if (width !== undefined && (!Number.isInteger(width) || width < QR_MIN_WIDTH || width > QR_MAX_WIDTH)) {
    errors.push({ field: 'width', message: `小程序码宽度须为 ${QR_MIN_WIDTH}–${QR_MAX_WIDTH} 之间的整数` });
  }
  return errors;
}

/** Problems with text sent to msg_sec_check. */
export function msgSecCheckRuleErrors(content: string): FieldError[] {
  if (content.trim() === '') return [{ field: 'content', message: '待检查的内容不能为空' }];
  const count = charCount(content);
  if (count > MSG_SEC_CHECK_MAX_CHARS) {
    return [{ field: 'content', message: `内容不能超过 ${MSG_SEC_CHECK_MAX_CHARS} 个字（当前 ${count} 个字）` }];
  }
  return [];
}
