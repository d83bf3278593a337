import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { ApiError } from '../api/client.js';
import { asSentence, type FieldLabels, issuesOf } from './fieldProblems.js';

const TITLES: Record<string, string> = {
  network: 'You seem to be offline',
  validation_failed: 'Some answers need another look',
  rule_violation: 'This cannot be done yet',
  forbidden: 'Your role does not allow this',
  not_found: 'Not found',
  terms_required: 'Accept the terms first',
  conflict: 'Already done',
  precondition_failed: 'Someone else changed this',
  precondition_required: 'Reload and try again',
  rate_limited: 'Too many changes at once',
  unauthenticated: 'Please sign in again',
};

/** A path the form has no label for, in words rather than the API's name: `orderEnd` → "order end". */
const inWords = (path: string): string =>
  path
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? String(Number(part) + 1) : part.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()))
    .join(' ');

/**
 * Plain words for what the API said, from its error envelope; a 412 offers to reload the latest
 * version. Each problem is named by the form's own label (`labels`); the form also shows it beside
 * its field (see fieldProps).
 */
export function ErrorNotice({ error, labels, onReload, onDismiss }: { error: unknown; labels?: FieldLabels; onReload?: () => void; onDismiss?: () => void }) {
  if (!error) return null;
  const e = error instanceof ApiError ? error : new ApiError(-1, 'unexpected', error instanceof Error ? error.message : String(error));
  const issues = issuesOf(e);
  return (
    <MessageBar intent={e.isConflict ? 'warning' : 'error'} layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{TITLES[e.code] ?? 'Something went wrong'}</MessageBarTitle> {e.message}
        {e.isConflict && ' Your own changes are still in the form: reload to see theirs, then apply yours again.'}
        {issues.length > 0 && (
          <ul>
            {issues.map((i) => (
              <li key={`${i.path}:${i.message}`}>
                {i.path ? <strong>{labels?.(i.path) ?? asSentence(inWords(i.path)).slice(0, -1)}: </strong> : null}
                {i.message}
              </li>
            ))}
          </ul>
        )}
      </MessageBarBody>
      <MessageBarActions>
        {e.isConflict && onReload ? (
          <Button appearance="primary" onClick={onReload}>
            Reload the latest version
          </Button>
        ) : null}
        {onDismiss ? <Button onClick={onDismiss}>Dismiss</Button> : null}
      </MessageBarActions>
    </MessageBar>
  );
}
