import { readFileSync } from 'node:fs';
// The package's index pulls TypeScript sources of adaptivecards into type checking; the engine alone does not.
import { Template } from 'adaptivecards-templating/lib/template-engine.js';

/** An Adaptive Card (1.5) as JSON, ready to send. */
export type Card = Record<string, unknown>;

export const TEMPLATES = [
  'invitation',
  'agreementPrompt',
  'teamInvited',
  'reviewReminder',
  'actionDue',
  'questionAsked',
  'transitionDue',
  'formulationApproved',
  'meetingStarted',
  'meetingEnded',
  'caseList',
  'help',
  'error',
] as const;
export type TemplateName = (typeof TEMPLATES)[number];

const loaded = new Map<TemplateName, unknown>();

function template(name: TemplateName): unknown {
  let json = loaded.get(name);
  if (json === undefined) {
    json = JSON.parse(readFileSync(new URL(`./templates/${name}.json`, import.meta.url), 'utf8')) as unknown;
    loaded.set(name, json);
  }
  return json;
}

/** Expands a card template with its data. The data must already say nothing a card may not carry. */
export function render(name: TemplateName, data: object): Card {
  return new Template(template(name)).expand({ $root: data }) as Card;
}

/** Adaptive Cards format dates in the reader's own time zone from RFC 3339 without fractions. */
export const rfc3339 = (instant: string): string => instant.replace(/\.\d+Z$/, 'Z');
