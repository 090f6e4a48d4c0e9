import { SetMetadata } from '@nestjs/common';
import type { Role } from '@pioneer/shared-types';

export const REQUIRED_ROLES = 'pioneer:roles';

/**
 * The route needs one of these roles. What records inside the route a person may touch is the service's business
 * (ScopeService): a role opens the door, the scope decides the rooms.
 */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_ROLES, roles);
