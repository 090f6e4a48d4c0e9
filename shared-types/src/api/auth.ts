import type { Role } from '../enums.js';

export interface DemoLoginRequest {
  role: Role;
}

export interface TokenResponse {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}
