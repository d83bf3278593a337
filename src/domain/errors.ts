/**
 * The ways a request can fail, in the practice's terms. The HTTP layer maps each code to a status;
 * the bot maps them to an error card. Messages must never carry a child's name.
 */
export type ErrorCode =
  | 'unauthenticated'
  | 'not_found'
  | 'forbidden'
  | 'terms_required'
  | 'validation_failed'
  | 'rule_violation'
  | 'conflict'
  /** Was here and is not any more (an export past its seven days). */
  | 'gone'
  | 'possible_duplicate'
  | 'precondition_failed'
  | 'precondition_required'
  | 'rate_limited'
  | 'payload_too_large'
  | 'unavailable';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what = 'That record') => new DomainError('not_found', `${what} was not found.`);

export const ruleViolation = (message: string, details?: unknown) => new DomainError('rule_violation', message, details);

export const staleVersion = (what: string, current: number) =>
  new DomainError('precondition_failed', `${what} was changed by someone else; reload it and try again.`, { currentVersion: current });
