import Taro from '@tarojs/taro';
import { ApiError, NETWORK_ERROR_MESSAGE } from './api-error';
import { apiBase, createIdempotencyKey, freshAccessToken, handleUnauthorized, toApiError } from './client';

// Multipart uploads and file downloads, which Taro.request (JSON only) cannot do. Same rules as client.ts: the bearer
// token, an Idempotency-Key on every upload, ApiError for every failure and the same 401 handling.

/** A file the person chose: a Blob in the browser (H5), a temporary path in WeChat. */
export type PickedFile =
  | { kind: 'blob'; name: string; size: number; blob: Blob }
  | { kind: 'path'; name: string; size: number; path: string };

export interface UploadOptions {
  /** Text fields sent beside the file (before it, so a streaming parser has them when the file arrives). */
  fields?: Record<string, string>;
  /** Pass the key of the first attempt when retrying, so the server replays instead of applying twice. */
  idempotencyKey?: string;
  timeoutMs?: number;
}

/** Parsing a spreadsheet of a few thousand rows takes longer than an ordinary request. */
export const UPLOAD_TIMEOUT_MS = 60_000;
const FILE_FIELD = 'file';

/** Uploads and downloads cannot be replayed by client.ts, so the token is renewed (if need be) before sending. */
async function authHeader(): Promise<Record<string, string>> {
  const token = await freshAccessToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function failure(status: number, data: unknown): ApiError {
  const error = toApiError(status, data);
  if (status === 401) handleUnauthorized(error);
  return error;
}

function settle<T>(status: number, data: unknown): T {
  if (status >= 200 && status < 300) return data as T;
  throw failure(status, data);
}

async function fetchWithTimeout(url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
  const timer = controller ? setTimeout(() => controller.abort(), timeoutMs) : undefined;
  try {
    return await fetch(url, { ...init, signal: controller?.signal });
  } catch {
    throw new ApiError('NETWORK_ERROR', NETWORK_ERROR_MESSAGE, 0);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

async function uploadInBrowser<T>(url: string, file: PickedFile, header: Record<string, string>, options: UploadOptions): Promise<T> {
  if (file.kind !== 'blob') throw new ApiError('BAD_REQUEST', '请重新选择文件', 0);
  const form = new FormData();
  for (const [name, value] of Object.entries(options.fields ?? {})) form.append(name, value);
  form.append(FILE_FIELD, file.blob, file.name);
  // No Content-Type: the browser writes the multipart boundary itself.
  const response = await fetchWithTimeout(url, { method: 'POST', headers: header, body: form }, options.timeoutMs ?? UPLOAD_TIMEOUT_MS);
  let text: string;
  try {
    text = await response.text();
  } catch {
    throw new ApiError('NETWORK_ERROR', NETWORK_ERROR_MESSAGE, 0);
  }
  return settle<T>(response.status, parseJson(text));
}

async function uploadInWechat<T>(url: string, file: PickedFile, header: Record<string, string>, options: UploadOptions): Promise<T> {
  if (file.kind !== 'path') throw new ApiError('BAD_REQUEST', '请重新选择文件', 0);
  let result: Taro.uploadFile.SuccessCallbackResult;
  try {
    result = await Taro.uploadFile({
      url,
      filePath: file.path,
      name: FILE_FIELD,
      header,
      formData: options.fields ?? {},
      timeout: options.timeoutMs ?? UPLOAD_TIMEOUT_MS,
    });
  } catch {
    throw new ApiError('NETWORK_ERROR', NETWORK_ERROR_MESSAGE, 0);
  }
  return settle<T>(result.statusCode, parseJson(result.data));
}

/** POSTs one file as multipart/form-data (field `file`); resolves with the parsed JSON answer, rejects with ApiError. */
export async function uploadFile<T>(path: string, file: PickedFile, options: UploadOptions = {}): Promise<T> {
  const header: Record<string, string> = {
    Accept: 'application/json',
    'Idempotency-Key': options.idempotencyKey ?? createIdempotencyKey(),
    ...(await authHeader()),
  };
  const url = `${apiBase()}${path}`;
  return process.env.TARO_ENV === 'h5'
    ? uploadInBrowser<T>(url, file, header, options)
    : uploadInWechat<T>(url, file, header, options);
}

/** `filename*=UTF-8''…` (Chinese names) first, then a plain `filename="…"`. */
export function fileNameFromDisposition(disposition: string | null): string | null {
  if (!disposition) return null;
  const encoded = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // fall through to the plain form
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain ? plain[1].trim() : null;
}

async function downloadInBrowser(url: string, fallbackName: string): Promise<void> {
  const response = await fetchWithTimeout(url, { method: 'GET', headers: await authHeader() }, UPLOAD_TIMEOUT_MS);
  if (!response.ok) {
    const text = await response.text().catch(() => '');
    throw failure(response.status, parseJson(text));
  }
  let blob: Blob;
  try {
    blob = await response.blob();
  } catch {
    throw new ApiError('NETWORK_ERROR', NETWORK_ERROR_MESSAGE, 0);
  }
  const href = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.download = fileNameFromDisposition(response.headers.get('Content-Disposition')) ?? fallbackName;
  anchor.style.display = 'none';
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  // The browser reads the blob after click() returns; revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(href), 30_000);
}

function readErrorFile(path: string): unknown {
  try {
    const text = Taro.getFileSystemManager().readFileSync(path, 'utf8');
    return typeof text === 'string' ? parseJson(text) : undefined;
  } catch {
    return undefined;
  }
}

async function downloadInWechat(url: string, fileType: 'xlsx' | 'pdf'): Promise<void> {
  const header = await authHeader();
  let result: Taro.downloadFile.FileSuccessCallbackResult;
  try {
    result = await Taro.downloadFile({ url, header, timeout: UPLOAD_TIMEOUT_MS });
  } catch {
    throw new ApiError('NETWORK_ERROR', NETWORK_ERROR_MESSAGE, 0);
  }
  // An error answer is saved to the temporary file too; its JSON carries the server's message.
  if (result.statusCode < 200 || result.statusCode >= 300) throw failure(result.statusCode, readErrorFile(result.tempFilePath));
  try {
    await Taro.openDocument({ filePath: result.tempFilePath, fileType, showMenu: true });
  } catch {
    throw new ApiError('BAD_RESPONSE', '文件已下载，但无法打开，请稍后重试', 0);
  }
}

/** Downloads a file the API produces: saved by the browser in H5, opened in WeChat's viewer (with 转发/保存) in weapp. */
export function downloadFile(path: string, fallbackName: string, fileType: 'xlsx' | 'pdf' = 'xlsx'): Promise<void> {
  const url = `${apiBase()}${path}`;
  return process.env.TARO_ENV === 'h5' ? downloadInBrowser(url, fallbackName) : downloadInWechat(url, fileType);
}
