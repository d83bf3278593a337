import { ApiError } from '../api/client.js';

/**
 * The API names a field by its path (`childName`, `hypotheses.0.text`) and says what is wrong with
 * it ("must not be empty"). The person sees the form's own label instead, and the problem beside the
 * field it belongs to: Fluent's Field then marks the control `aria-invalid` and points
 * `aria-describedby` at the message.
 */
export interface Issue {
  path: string;
  message: string;
}

/** The form's label for an API path, or undefined when the path is not one of its fields. */
export type FieldLabels = (path: string) => string | undefined;

export const labelsFrom =
  (labels: Record<string, string>): FieldLabels =>
  (path) =>
    labels[path];

export function issuesOf(error: unknown): Issue[] {
  const details = error instanceof ApiError ? error.details : undefined;
  return Array.isArray(details) ? details.filter((d): d is Issue => typeof d === 'object' && d !== null && 'message' in d && 'path' in d) : [];
}

/** "must not be empty" → "Must not be empty." */
export const asSentence = (message: string): string => {
  const m = message.trim();
  return `${m.charAt(0).toUpperCase()}${m.slice(1)}${/[.!?]$/.test(m) ? '' : '.'}`;
};

const count = (n: number) => n.toLocaleString('en-GB');

type FieldProps = { validationState?: 'error' | 'none'; validationMessage?: string; hint?: string };

/**
 * What a Field shows: the API's problems with this path (and the paths inside it), and for a long
 * text its length against the limit. Over the limit it says so before saving; nothing is ever cut.
 */
export function fieldProps(error: unknown, path: string, options: { text?: string; max?: number; hint?: string } = {}): FieldProps {
  const messages = issuesOf(error)
    .filter((i) => i.path === path || i.path.startsWith(`${path}.`))
    .map((i) => asSentence(i.message));
  const { text, max, hint } = options;
  const counter = text !== undefined && max !== undefined ? `${count(text.length)} of ${count(max)} characters` : undefined;
  if (text !== undefined && max !== undefined && text.length > max) {
    messages.unshift(`Too long: ${count(text.length)} of ${count(max)} characters. Shorten it by ${count(text.length - max)}; nothing is cut.`);
  }
  const hintText = [hint, messages.length === 0 ? counter : undefined].filter(Boolean).join(' ') || undefined;
  return messages.length > 0 ? { validationState: 'error', validationMessage: messages.join(' '), hint: hintText } : { hint: hintText };
}

/** Whether a text is over its limit, so the form can refuse to send it. */
export const overLimit = (text: string, max: number): boolean => text.length > max;
