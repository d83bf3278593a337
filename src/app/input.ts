import type { z } from 'zod';
import { DomainError } from '../domain/errors.js';
import type { Problem } from '../domain/problems.js';

/**
 * Parses input from any edge (HTTP body, card action) with the domain's schema; bad input changes
 * nothing. `alsoCheck` gives the checks that need more than the input (today, the child's date of
 * birth); they run on the raw input even when the schema fails, so every problem is listed at once.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = 'The request', alsoCheck?: (input: unknown) => Problem[]): z.output<S> {
  const result = schema.safeParse(input);
  const problems: Problem[] = result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  for (const p of alsoCheck?.(input) ?? []) if (!problems.some((q) => q.path === p.path && q.message === p.message)) problems.push(p);
  if (result.success && problems.length === 0) return result.data;
  throw new DomainError('validation_failed', `${what} is not valid.`, problems);
}
