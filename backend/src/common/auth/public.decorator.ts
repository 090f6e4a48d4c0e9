import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'pioneer:isPublic';

/** Reachable without a token: health, docs, sign-in and the visitor pages only. Everything else needs a session. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
