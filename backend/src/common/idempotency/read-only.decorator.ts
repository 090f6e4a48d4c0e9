import { SetMetadata } from '@nestjs/common';

export const IS_READ_ONLY = 'pioneer:isReadOnly';

/**
 * A POST that only reads: its body carries personal data that must stay out of URLs and logs (a look-up by name and
 * phone, a member search). It changes nothing, so a retry is harmless and it takes no Idempotency-Key.
 */
export const ReadOnly = (): MethodDecorator => SetMetadata(IS_READ_ONLY, true);
