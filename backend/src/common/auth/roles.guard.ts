import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@pioneer/shared-types';
import { DomainException } from '../errors/domain.exception.js';
import type { AuthUser } from './auth-user.js';
import { REQUIRED_ROLES } from './roles.decorator.js';

/** Runs after JwtAuthGuard: a route marked @Roles(...) needs the signed-in person to hold one of them. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!required?.length) return true;
    const user = context.switchToHttp().getRequest<{ user?: AuthUser }>().user;
    if (!user) throw new DomainException('UNAUTHENTICATED');
    if (!user.roles.some((r) => required.includes(r.role))) throw new DomainException('FORBIDDEN');
    return true;
  }
}
