// Storage contract for API tokens: a person's (at most their rights) or a service's (person null).
import type { Role } from './types.ts';

export interface ApiToken {
  id: string;
  secretHash: string;
  /** The person the token acts for; null for a service token. */
  personId: string | null;
  roles: Role[];
  /** The schools the token may see; 'all' for every school. */
  schools: string[] | 'all';
  label: string;
  createdAt: number;
  revokedAt: number | null;
}

export interface TokenOps {
  createApiToken(token: ApiToken): Promise<void>;
  getApiToken(id: string): Promise<ApiToken | undefined>;
  /** Newest first, revoked ones included. */
  listApiTokens(): Promise<ApiToken[]>;
  /** Revokes a live token; true when one was revoked now. */
  revokeApiToken(id: string, at: number): Promise<boolean>;
}
