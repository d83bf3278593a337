import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { ApiError } from '../api/client.js';

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

interface Issue {
  path: string;
  message: string;
}
const issuesOf = (details: unknown): Issue[] =>
  Array.isArray(details) ? details.filter((d): d is Issue => typeof d === 'object' && d !== null && 'message' in d && 'path' in d) : [];

/** Plain words for what the API said, from its error envelope; a 412 offers to reload the latest version. */
export function ErrorNotice({ error, onReload, onDismiss }: { error: unknown; onReload?: () => void; onDismiss?: () => void }) {
  if (!error) return null;
  const e = error instanceof ApiError ? error : new ApiError(-1, 'unexpected', error instanceof Error ? error.message : String(error));
  const issues = issuesOf(e.details);
  return (
    <MessageBar intent={e.isConflict ? 'warning' : 'error'} layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{TITLES[e.code] ?? 'Something went wrong'}</MessageBarTitle> {e.message}
        {e.isConflict && ' Your own changes are still in the form: reload to see theirs, then apply yours again.'}
        {issues.length > 0 && (
          <ul>
            {issues.map((i) => (
              <li key={`${i.path}:${i.message}`}>
                {i.path ? <strong>{i.path.replaceAll('.', ' › ')}: </strong> : null}
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
