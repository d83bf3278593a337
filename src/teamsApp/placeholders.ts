/**
 * `${{NAME}}` placeholders, as the Microsoft 365 Agents Toolkit fills them from `env/.env.<name>`.
 * The template is JSON and every placeholder sits inside a string, so values are JSON-escaped.
 */
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Each variable the text refers to, once, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

export interface Filled {
  text: string;
  /** Variables with no value (absent, or empty where empty is not allowed), in order of first use. */
  missing: string[];
}

export function fillPlaceholders(text: string, values: Record<string, string | undefined>, mayBeEmpty: ReadonlySet<string> = new Set()): Filled {
  const missing = placeholdersIn(text).filter((name) => {
    const value = values[name];
    return value === undefined || (value.trim() === '' && !mayBeEmpty.has(name));
  });
  const filled = text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    return value === undefined || missing.includes(name) ? whole : JSON.stringify(value).slice(1, -1);
  });
  return { text: filled, missing };
}
