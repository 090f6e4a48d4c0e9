import type { Multipart } from '@fastify/multipart';
import {
  type CallHandler,
  createParamDecorator,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { FieldError, RosterCommitOptions } from '@pioneer/shared-types';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { DomainException } from '../../../common/errors/domain.exception.js';

export const ROSTER_MAX_BYTES = 5 * 1024 * 1024;

/** The uploaded file and the commit options sent beside it in the same multipart form. */
export class RosterUpload implements RosterCommitOptions {
  fileName: string;
  content: Buffer;
  confirmTransfers?: number[];
}

type UploadRequest = FastifyRequest & { rosterUpload?: RosterUpload };

const FILE_REQUIRED: FieldError = { field: 'file', message: '请选择要导入的名册文件（xlsx 或 csv）' };

function invalidField(field: string, message: string): DomainException {
  return new DomainException('VALIDATION_FAILED', undefined, [{ field, message }]);
}

/** "3,5,8", "3，5" or "[3,5]" → [3, 5, 8]; anything else is a field error. */
export function parseRowNumbers(raw: string): number[] {
  const text = raw.trim();
  if (!text) return [];
  let items: unknown[];
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      items = Array.isArray(parsed) ? parsed : [parsed];
    } catch {
      items = [text];
    }
  } else {
    items = text.split(/[,，\s]+/).filter(Boolean);
  }
  const rows = items.map((v) => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN));
  if (rows.some((n) => !Number.isSafeInteger(n) || n < 2)) {
    throw invalidField('confirmTransfers', 'confirmTransfers 应为要确认的行号，如 3,5,8');
  }
  return [...new Set(rows)];
}

/** Multipart errors from @fastify/multipart carry FST_ codes; each becomes a product error. */
function uploadError(error: unknown): DomainException {
  const code = (error as { code?: string } | null)?.code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    return new DomainException('ROSTER_TOO_LARGE', '名册文件超过 5 MB，请删去多余的工作表或分批导入');
  }
  if (code === 'FST_FILES_LIMIT') return invalidField('file', '一次只能上传一个名册文件');
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_PROTO_VIOLATION') {
    return new DomainException('BAD_REQUEST', '上传的表单字段过多或不正确');
  }
  return new DomainException('BAD_REQUEST', '上传的内容不完整，请重新上传');
}

async function readUpload(req: FastifyRequest): Promise<RosterUpload> {
  if (!req.isMultipart()) {
    throw new DomainException('VALIDATION_FAILED', '请以 multipart/form-data 方式上传名册文件', [FILE_REQUIRED]);
  }
  const upload = new RosterUpload();
  const unknown: FieldError[] = [];
  let found = false;
  let confirm: string | undefined;
  try {
    const parts: AsyncIterableIterator<Multipart> = req.parts({ limits: { fileSize: ROSTER_MAX_BYTES, files: 1, fields: 4, parts: 5 } });
    for await (const part of parts) {
      if (part.type === 'file' && part.fieldname === 'file') {
        upload.content = await part.toBuffer();
        upload.fileName = (part.filename.split(/[\\/]/).pop() ?? '').slice(-200) || 'roster';
        found = true;
      } else if (part.type === 'file') {
        await part.toBuffer();
        unknown.push({ field: part.fieldname, message: `不允许提交字段 ${part.fieldname}` });
      } else if (part.fieldname === 'confirmTransfers') {
        confirm = String(part.value);
      } else {
        unknown.push({ field: part.fieldname, message: `不允许提交字段 ${part.fieldname}` });
      }
    }
  } catch (error) {
    throw uploadError(error);
  }
  if (unknown.length) throw new DomainException('VALIDATION_FAILED', undefined, unknown);
  if (!found) throw new DomainException('VALIDATION_FAILED', undefined, [FILE_REQUIRED]);
  if (confirm !== undefined) upload.confirmTransfers = parseRowNumbers(confirm);
  return upload;
}

/**
 * Reads the multipart form after the guards have let the request in (so nobody unauthenticated makes the server
 * buffer five megabytes) and before the handler, which then receives it through @UploadedRoster().
 */
@Injectable()
export class RosterUploadInterceptor implements NestInterceptor {
  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<UploadRequest>();
    req.rosterUpload = await readUpload(req);
    return next.handle();
  }
}

export const UploadedRoster = createParamDecorator((_data: unknown, ctx: ExecutionContext): RosterUpload => {
  const upload = ctx.switchToHttp().getRequest<UploadRequest>().rosterUpload;
  if (!upload) throw new Error('UploadedRoster used without RosterUploadInterceptor');
  return upload;
});
