import { configureApi, post } from './api/client.js';
import { teamsToken, type Host } from './host/teams.js';

/**
 * Where the bearer token comes from: Teams SSO when hosted, a local dev session otherwise. The
 * dev token is kept for this browser tab only (sessionStorage), so closing the tab signs out.
 */
const KEY = 'ecm-dev-token';

export const devToken = () => sessionStorage.getItem(KEY);
export const rememberDevToken = (token: string) => sessionStorage.setItem(KEY, token);
export const forgetDevToken = () => sessionStorage.removeItem(KEY);

export function connectApi(host: Host, signedOut: () => void): void {
  configureApi(
    async () => (host.inTeams ? teamsToken() : devToken()),
    () => {
      if (!host.inTeams) forgetDevToken();
      signedOut();
    },
  );
}

/**
 * Sign-out ends the session on the server, so the token is worthless wherever a copy of it
 * lingers; then the browser forgets it, whether or not the server could be reached.
 */
export async function signOut(): Promise<void> {
  try {
    await post('/sessions/current/revocation');
  } catch {
    // Offline, or the session had already ended: forgetting the token is all that is left to do.
  } finally {
    forgetDevToken();
  }
}
