import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useApp } from '../context.js';
import { offerCaseForTab } from '../host/teams.js';
import { CaseChooser } from './CaseChooser.js';

const useStyles = makeStyles({ page: { padding: tokens.spacingHorizontalL, maxWidth: '32rem' } });

/** A configurable tab's settings: choose the case this channel or meeting tab shows. */
export default function Settings() {
  const s = useStyles();
  const { host } = useApp();
  const [choice, setChoice] = useState<{ id: string; reference: string }>({ id: '', reference: '' });
  useEffect(() => {
    if (host.inTeams) void offerCaseForTab(choice.id || null, choice.reference || null);
  }, [host, choice]);
  return (
    <main className={s.page}>
      <h1>Add ECM to this conversation</h1>
      <p>Choose the case this tab shows. The tab is named by the case reference only.</p>
      <CaseChooser value={choice.id} onChange={(id, reference) => setChoice({ id, reference })} />
      {choice.id && !host.inTeams ? <p role="status">In Teams, Save now adds the tab for {choice.reference}.</p> : null}
    </main>
  );
}
