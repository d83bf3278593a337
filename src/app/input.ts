import type { z } from 'zod';
import { DomainError } from '../domain/errors.js';

/** Parses input from any edge (HTTP body, card action) with the domain's schema; bad input changes nothing. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = 'The request'): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new DomainError(
    'validation_failed',
    `${what} is not valid.`,
    result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  );
}
