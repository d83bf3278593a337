import { z } from 'zod';

/**
 * Free text typed by practitioners. It is shown in a Teams tab, in Adaptive Cards and in Word
 * documents, so markup is refused at the edge rather than escaped in three places later.
 */
const MARKUP = /<\s*[a-zA-Z!/?]|&#?[a-zA-Z0-9]+;|javascript:/i;
// Control characters other than tab and newlines have no place in a record.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const plainText = (max: number, min = 1) =>
  z
    .string()
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`)
        .max(max, `must be at most ${max} characters`)
        .refine((s) => !MARKUP.test(s), 'must be plain text: markup such as <tags> is not allowed')
        .refine((s) => !CONTROL.test(s), 'must not contain control characters'),
    );
