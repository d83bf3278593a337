import { createHmac, randomBytes } from 'node:crypto';
import type { AppDeps } from '../deps.js';
import type { Work } from '../unitOfWork.js';

const KEY_NAME = 'evaluation.pseudonym';

/**
 * The secret pseudonyms are made with: ECM_PSEUDONYM_KEY, or one made once and kept in the database.
 * Anyone holding the export but not the key cannot turn a pseudonym back into a case.
 */
export async function pseudonymKey(deps: AppDeps, w: Work): Promise<string> {
  return deps.pseudonymKey ?? w.tx.evaluationKeys.keep(KEY_NAME, randomBytes(32).toString('base64url'), w.now);
}

/**
 * A child's pseudonym: a keyed hash (HMAC-SHA-256) of their case id, the same in every export made
 * with the same key. 64 bits is far more than the services will ever hold, so two children do not share one.
 */
export const pseudonymOf = (key: string, caseId: string): string => `P${createHmac('sha256', key).update(`case:${caseId}`).digest('hex').slice(0, 16)}`;
