export * from './enums.js';
export * from './errors.js';
export * from './api/health.js';
export * from './api/auth.js';
export * from './api/public.js';
export * from './api/pagination.js';
export * from './api/me.js';
