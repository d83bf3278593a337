import { detectHost, knownStandaloneHost, type Host } from './host/teams.js';
import { prefetchFor } from './prefetch.js';
import { connectApi, devToken } from './session.js';

/**
 * The page's first script, kept small (no React, no Fluent UI) so that it runs a few milliseconds
 * after the HTML arrives. It asks for who is signed in, the case and its timeline as soon as the
 * host and the token are known, and loads the app meanwhile, so the server answers while the
 * browser is still loading and compiling the app (issue 18 §6). Before it, these questions waited
 * for the whole bundle, and on the meeting stage for sign-in and the stage's own code as well.
 */
performance.mark('ecm:boot');

const prefetch = (host: Host) => {
  if (!host.inTeams && !devToken()) return;
  connectApi(host, () => {});
  prefetchFor(window.location.hash, host.caseId, host.frame);
};

// Outside Teams the host is known at once, so the questions go out first (their fetches start once
// the token is read, in this task), then the app's files, then the view's (prefetch.ts), each in a
// task of its own: over HTTP/1.1 a browser opens six connections to a host, and a question asked
// after forty files waits for them. In Teams the app loads while teams-js asks the host who and
// where we are.
const app = new Promise((next) => setTimeout(next, 0)).then(() => import('./main.js'));
const standalone = knownStandaloneHost();
if (standalone) prefetch(standalone);
void (standalone ? Promise.resolve(standalone) : detectHost().then((host) => (prefetch(host), host))).then(async (host) => (await app).start(host));
