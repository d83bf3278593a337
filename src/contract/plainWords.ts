/**
 * The plain-words check and the child's-name finder, run by the server when a formulation is
 * approved and by the tab's editor as the psychologist writes, so that both warn by the same rule.
 * The domain holds them (pure code); this is the door the tab uses.
 */
export { plainWordsWarnings, type PlainWordsWarning } from '../domain/plainWords.js';
export { namesOfChildIn } from '../domain/childName.js';
