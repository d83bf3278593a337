import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Select, tokens } from '@fluentui/react-components';
import { Warning16Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { get, post } from '../api/client.js';
import type { PersonCard, TeamMemberView, UnreachableMember } from '../api/types.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { fieldProps, labelsFrom } from '../common/fieldProblems.js';
import { useSubmitOnce } from '../common/useSubmitOnce.js';
import { ScrollRegion } from '../common/ScrollRegion.js';
import { SortableTable } from '../common/SortableTable.js';
import { useLoad } from '../common/useLoad.js';
import { AGENCIES, AGENCY_LABELS, CASE_ROLE_LABELS, formatDate, label, UNREACHABLE_LABELS } from '../labels.js';

/** The invitation's labels, by the API's field names: the same words beside a field and in the list of problems. */
const LABELS = { staffId: 'Person', agency: 'Speaks for which agency', caseRole: 'Role on the case' };

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '32rem' },
  unreachable: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

/**
 * The case team, who on it the bot cannot reach in Teams (so that someone tells them another way),
 * and inviting someone new. `refresh` changes when the live feed says someone became unreachable.
 */
export function CaseTeam({ caseId, serviceId, canInvite, refresh }: { caseId: string; serviceId: string; canInvite: boolean; refresh: number }) {
  const s = useStyles();
  const team = useLoad(() => get<{ items: TeamMemberView[] }>(`/cases/${caseId}/team`), [caseId]);
  const reach = useLoad(() => get<{ items: UnreachableMember[] }>(`/cases/${caseId}/unreachable`), [caseId, refresh]);
  const unreachable = new Map((reach.data?.items ?? []).map((u) => [u.staffId, u]));
  const [query, setQuery] = useState('');
  const people = useLoad(
    // The server finds only people who may join a team of this case's service, and the part each would play.
    () => (canInvite ? get<{ items: PersonCard[] }>(`/people?${new URLSearchParams({ q: query, serviceId })}`) : Promise.resolve({ items: [] })),
    [query, canInvite, serviceId],
  );
  const [pick, setPick] = useState('');
  const [agency, setAgency] = useState('');
  const [error, setError] = useState<unknown>(null);
  const once = useSubmitOnce();
  const chosen = people.data?.items.find((p) => p.id === pick);
  const invite = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    setError(null);
    try {
      await once.submit(async (key) => {
        await post(`/cases/${caseId}/team`, { staffId: chosen.id, agency: agency || chosen.agency, caseRole: chosen.caseRole }, undefined, key);
        setPick('');
        team.reload();
      });
    } catch (err) {
      setError(err);
    }
  };
  const onTeam = new Set(team.data?.items.map((m) => m.staffId));
  return (
    <section aria-labelledby="team-h">
      <h2 id="team-h">Case team</h2>
      <ErrorNotice error={team.error} />
      {team.data ? (
        <ScrollRegion label="Case team">
          <SortableTable
            caption="Case team"
            rows={team.data.items}
            rowKey={(m) => m.staffId}
            columns={[
              { key: 'name', label: 'Name', sortValue: (m) => m.name, render: (m) => m.name },
              { key: 'role', label: 'Role', sortValue: (m) => m.caseRole, render: (m) => label(CASE_ROLE_LABELS, m.caseRole) },
              { key: 'agency', label: 'Agency', sortValue: (m) => m.agency, render: (m) => label(AGENCY_LABELS, m.agency) },
              {
                key: 'terms',
                label: 'Terms',
                render: (m) =>
                  !m.needsTerms
                    ? 'Not needed'
                    : !m.awaitingTerms && m.termsAcceptedAt
                      ? `Accepted ${formatDate(m.termsAcceptedAt)}`
                      : m.termsAcceptedAt
                        ? 'The terms have changed: not yet accepted again'
                        : 'Not yet accepted',
              },
              {
                key: 'reach',
                label: 'Messages in Teams',
                sortValue: (m) => (unreachable.has(m.staffId) ? 0 : 1),
                render: (m) => {
                  const u = unreachable.get(m.staffId);
                  return u ? (
                    <span className={s.unreachable}>
                      <Warning16Regular aria-hidden="true" /> Cannot reach since {formatDate(u.since)}: {label(UNREACHABLE_LABELS, u.reason)}
                    </span>
                  ) : (
                    '—'
                  );
                },
              },
            ]}
          />
        </ScrollRegion>
      ) : null}
      {reach.data && reach.data.items.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              The bot cannot reach {reach.data.items.length === 1 ? reach.data.items[0]!.name : `${reach.data.items.length} people on this team`}
            </MessageBarTitle>{' '}
            They will not see invitations or reminders in Teams until they install ECM for Teams again: tell them another way.{' '}
            {reach.data.items.some((u) => u.undelivered > 0)
              ? `Messages about this case that did not reach them: ${reach.data.items.reduce((n, u) => n + u.undelivered, 0)}.`
              : ''}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {canInvite ? (
        <form className={s.form} onSubmit={invite} aria-label="Invite to the case team">
          <h3>Invite someone</h3>
          <Field label="Search by name or email">
            <Input value={query} onChange={(_, d) => setQuery(d.value)} />
          </Field>
          <Field label={LABELS.staffId} {...fieldProps(error, 'staffId')}>
            <Select value={pick} onChange={(_, d) => setPick(d.value)}>
              <option value="">Choose…</option>
              {people.data?.items
                .filter((p) => !onTeam.has(p.id))
                .map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} — {p.roleLabel}
                  </option>
                ))}
            </Select>
          </Field>
          <Field label={LABELS.agency} {...fieldProps(error, 'agency')}>
            <Select value={agency || chosen?.agency || ''} onChange={(_, d) => setAgency(d.value)}>
              {AGENCIES.map((a) => (
                <option key={a} value={a}>
                  {AGENCY_LABELS[a]}
                </option>
              ))}
            </Select>
          </Field>
          <ErrorNotice error={error} labels={labelsFrom(LABELS)} />
          <div>
            <Button type="submit" appearance="primary" disabled={!chosen || once.busy}>
              Invite
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
