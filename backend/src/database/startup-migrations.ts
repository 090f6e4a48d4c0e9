/** Provider token of the migrations applied before the application was built (see database/startup-secrets.ts). */
export const STARTUP_MIGRATIONS = Symbol('STARTUP_MIGRATIONS');
