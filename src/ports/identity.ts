import type { Staff } from '../domain/staff.js';

/**
 * Who is calling. Local mode: dev sign-in sessions. Microsoft 365 mode: the Teams SSO token,
 * validated against Entra ID. Either way the answer is a member of staff of the store.
 */
export interface AuthenticatedUser {
  staff: Staff;
  /** The caller's own bearer token, kept for On-Behalf-Of calls that act for them; never logged. */
  assertion: string | null;
  /** The session the token belongs to: the hash of the token (never the token), and when it expires. */
  session: SessionRef;
}

/** What sign-out needs to end a session on the server. */
export interface SessionRef {
  id: string;
  expiresAt: string;
}

export interface Identity {
  /** Resolves a bearer token to a person, or null when it is not valid or its session was ended. Must not throw on bad tokens. */
  authenticate(bearerToken: string): Promise<AuthenticatedUser | null>;
  /** The session was ended (signed out): any copy of it kept in this process is no longer trusted. */
  forget?(sessionId: string): void;
}
