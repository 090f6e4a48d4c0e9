import { InitialSchema1764000000000 } from './1764000000000-initial-schema.js';

/** Listed explicitly (no glob) so the compiled app and the test runner load exactly the same set, in order. */
export const MIGRATIONS = [InitialSchema1764000000000];
