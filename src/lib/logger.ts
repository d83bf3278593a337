import { pino } from 'pino';

/**
 * Structured logs, one JSON object a line, written by pino (what Node services and their log
 * shippers expect). Logs leave the system, so they carry ids and case references only: never a
 * child's name, a date of birth, free text from a record, or a token. Code logs no such field, and
 * pino's redaction stands behind that: a field named as one of them is replaced, whatever logs it.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** Fields that would carry what must never leave: a child's identity, a record's text, a secret. */
const NEVER_LOGGED = [
  'childName',
  'childDateOfBirth',
  'dateOfBirth',
  'description',
  'summary',
  'referralReason',
  'rationale',
  'note',
  'text',
  'token',
  'accessToken',
  'assertion',
  'authorization',
  'cookie',
  'password',
  'secret',
];
export const REDACTED = '[redacted]';

export function createLogger(level: LogLevel, write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Logger {
  const log = pino(
    {
      level,
      base: null,
      messageKey: 'message',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: NEVER_LOGGED.flatMap((key) => [key, `*.${key}`]), censor: REDACTED },
    },
    { write: (line: string) => write(line.trimEnd()) },
  );
  const at =
    (l: Exclude<LogLevel, 'silent'>) =>
    (message: string, fields: LogFields = {}) =>
      log[l](fields, message);
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export const silentLogger: Logger = createLogger('silent');

/** An error's class and message for a log line; stacks stay out, since messages never carry case data. */
export const describeError = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));
