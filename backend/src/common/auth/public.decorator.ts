import { applyDecorators, SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'pioneer:isPublic';
/** @nestjs/swagger's key for an operation's security requirements; an empty list documents "no token needed". */
const SWAGGER_SECURITY = 'swagger/apiSecurity';

/**
 * Reachable without a token: health, docs, sign-in and the visitor pages only. Everything else needs a session, which
 * the API document states once at its root; public operations say they need nothing.
 */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), SetMetadata(SWAGGER_SECURITY, []));
