import { createHash } from 'node:crypto';

/** Sessions are kept by the hash of their token, never the token itself: a copy of the database signs nobody in. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
