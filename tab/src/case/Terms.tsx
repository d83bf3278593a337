import { Button, Checkbox, Title2 } from '@fluentui/react-components';
import { useState } from 'react';
import { post } from '../api/client.js';
import type { CaseView } from '../api/types.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { useSubmitOnce } from '../common/useSubmitOnce.js';
import { formatDate } from '../labels.js';

/** A partner sees only the reference and the information-sharing terms until they accept them. */
export function TermsAcceptance({ view, onAccepted }: { view: CaseView; onAccepted: () => void }) {
  const [agreed, setAgreed] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const once = useSubmitOnce();
  if (!view.terms) return null;
  const accept = async () => {
    try {
      await once.submit(async (key) => {
        await post(`/cases/${view.id}/terms-acceptance`, { termsVersion: view.terms!.version }, undefined, key);
        onAccepted();
      });
    } catch (e) {
      setError(e);
    }
  };
  // A partner who accepted earlier terms is on the team already: no invitation lapses for them.
  const renewing = Boolean(view.membership?.termsAcceptedAt);
  return (
    <section aria-labelledby="terms-title">
      <Title2 as="h1" id="terms-title">
        {renewing ? `The terms of case ${view.reference} have changed` : `You are invited to case ${view.reference}`}
      </Title2>
      {renewing ? (
        <p>
          You accepted earlier information-sharing terms on {formatDate(view.membership!.termsAcceptedAt!)}. Please read and accept the new ones (version{' '}
          {view.terms.version}) to go on seeing the case.
        </p>
      ) : (
        <p>Before you see the case, please read and accept the information-sharing terms (version {view.terms.version}).</p>
      )}
      {view.membership && !renewing ? <p>This invitation is open until {formatDate(view.membership.invitationExpiresAt)}.</p> : null}
      <ol>
        {view.terms.text.map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ol>
      <Checkbox checked={agreed} onChange={(_, d) => setAgreed(d.checked === true)} label="I have read these terms and I accept them" />
      <ErrorNotice error={error} />
      <div>
        <Button appearance="primary" disabled={!agreed || once.busy} onClick={accept}>
          Accept and open the case
        </Button>
      </div>
    </section>
  );
}
