import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { detectHost } from './host/teams.js';
import { prefetchFor } from './prefetch.js';
import { connectApi, devToken } from './session.js';

const root = createRoot(document.getElementById('root')!);
void detectHost().then((host) => {
  // Ask for the case and its timeline while React and the views are still loading.
  if (host.frame === 'content' && (host.inTeams || devToken())) {
    connectApi(host, () => {});
    prefetchFor(window.location.hash, host.caseId);
  }
  root.render(<App host={host} />);
});
