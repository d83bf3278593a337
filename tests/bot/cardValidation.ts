import * as AC from 'adaptivecards';
import type { Card } from '../../bot/cards/render.js';

/** Teams refuses messages near 100 KB; cards stay far below. */
export const MAX_CARD_BYTES = 28 * 1024;

/**
 * Parses a card as a 1.5 client would (maxVersion set, so a 1.6 feature is an error, not a pass)
 * and returns every parse and validation problem.
 */
export function cardProblems(card: Card): string[] {
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.maxVersion = AC.Versions.v1_5;
  parsed.parse(card as AC.PropertyBag, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const e of parsed.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);
  return problems;
}

export const cardBytes = (card: Card) => Buffer.byteLength(JSON.stringify(card), 'utf8');
