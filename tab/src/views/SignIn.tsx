import { Button, makeStyles, Spinner, Title1, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { ApiError } from '../api/client.js';
import type { DevAccount } from '../api/types.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { rememberDevToken } from '../session.js';

const useStyles = makeStyles({
  page: { maxWidth: '52rem', margin: '0 auto', padding: tokens.spacingHorizontalXL },
  list: { listStyle: 'none', padding: 0, display: 'grid', gap: tokens.spacingVerticalS, gridTemplateColumns: 'repeat(auto-fill, minmax(15rem, 1fr))' },
  account: { width: '100%', justifyContent: 'flex-start', textAlign: 'left', height: 'auto', padding: tokens.spacingVerticalS },
});

/** Which standalone page to show: the dev sign-in in local mode, "open this in Teams" otherwise. */
export async function devAccounts(): Promise<{ notice: string; items: DevAccount[] } | null> {
  try {
    const res = await fetch('/api/v1/dev/accounts', { headers: { accept: 'application/json' } });
    return res.ok ? ((await res.json()) as { notice: string; items: DevAccount[] }) : null;
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached. Is it running?');
  }
}

/** Local mode only: pick a fictional demo account. */
export function SignIn({ accounts, onSignedIn }: { accounts: { notice: string; items: DevAccount[] }; onSignedIn: () => void }) {
  const s = useStyles();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const signIn = async (staffId: string) => {
    setBusy(staffId);
    setError(null);
    try {
      const res = await fetch('/api/v1/dev/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ staffId }) });
      const body = (await res.json()) as { token?: string; error?: { code: string; message: string } };
      if (!res.ok || !body.token) throw new ApiError(res.status, body.error?.code ?? 'unauthenticated', body.error?.message ?? 'Sign-in failed.');
      rememberDevToken(body.token);
      onSignedIn();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <main className={s.page}>
      <Title1 as="h1">ECM for Teams — local sign-in</Title1>
      <p>{accounts.notice}</p>
      <ErrorNotice error={error} />
      <h2>Choose who you are</h2>
      <ul className={s.list}>
        {accounts.items
          .filter((a) => a.role !== 'administrator')
          .map((a) => (
            <li key={a.id}>
              <Button className={s.account} onClick={() => signIn(a.id)} disabled={busy !== null} data-staff-id={a.id}>
                <span>
                  <strong>{a.name}</strong>
                  <br />
                  {a.roleLabel}
                  {a.serviceIds.length ? ` · ${a.serviceIds.join(', ')}` : ''}
                </span>
              </Button>
            </li>
          ))}
      </ul>
      {busy ? <Spinner label="Signing in…" /> : null}
    </main>
  );
}

export function OpenInTeams() {
  const s = useStyles();
  useEffect(() => {
    document.title = 'Open ECM for Teams in Microsoft Teams';
  }, []);
  return (
    <main className={s.page}>
      <Title1 as="h1">Open this in Microsoft Teams</Title1>
      <p>
        ECM for Teams runs inside Microsoft Teams, where you are already signed in. Open the ECM app from the Teams app bar, or from the tab in your case
        channel or meeting.
      </p>
      <p>If you expected to see this page, ask your administrator whether the app has been added to your Teams.</p>
    </main>
  );
}
