/**
 * Why a delivery is blocked: Microsoft 365 refuses it until someone changes its set-up (a site
 * grant, a client secret, a library). Retrying soon cannot help, giving up would lose the work: the
 * job waits, is tried again on a slow schedule, and says in plain words who must do what.
 * The outbox stores only the cause; the words are made when a person reads them, with the service's name.
 */
export const BLOCK_CAUSES = [
  'site_access_denied',
  'calendar_access_denied',
  'access_denied',
  'app_secret_rejected',
  'app_not_authorised',
  'token_refused',
  'library_missing',
  'library_not_configured',
] as const;
export type BlockCause = (typeof BLOCK_CAUSES)[number];

export const isBlockCause = (v: unknown): v is BlockCause => BLOCK_CAUSES.includes(v as BlockCause);

/** How often a blocked job is tried again, and for how long before it is given up (and listed as dead). */
export const BLOCKED_RETRY_MS = 15 * 60_000;
export const BLOCKED_FOR_MS = 14 * 24 * 60 * 60_000;

export interface BlockExplained {
  cause: BlockCause;
  /** What is wrong, in plain words. */
  why: string;
  /** Who must act and what they do, with the README step that says how. */
  whoActs: string;
}

export function explainBlock(cause: BlockCause, serviceName: string): BlockExplained {
  const site = `the ${serviceName} site`;
  const words: Record<BlockCause, [string, string]> = {
    site_access_denied: [
      `SharePoint refuses the app write access to ${site} (the grant is missing, was removed, or has not reached SharePoint yet).`,
      `SharePoint administrator: grant the app write on ${site} — README step 3.`,
    ],
    calendar_access_denied: [
      'Microsoft 365 refuses the app access to the organiser’s calendar.',
      'Exchange administrator: add the organiser to the ECM staff group of the calendar access policy — README step 4.',
    ],
    access_denied: [
      'Microsoft 365 refuses the app access to what this delivery needs.',
      'Microsoft 365 administrator: check the app’s permissions and admin consent — README steps 2 and 3.',
    ],
    app_secret_rejected: [
      'Entra ID refuses the app’s client secret (it was rotated, has expired, or was typed wrong).',
      'Application administrator: put the app’s current client secret in SECRET_AAD_APP_CLIENT_SECRET and restart the server — README step 2b.',
    ],
    app_not_authorised: [
      'Entra ID does not let the app sign in to this tenant (the registration is missing or lacks admin consent).',
      'Global administrator: check AAD_APP_CLIENT_ID and grant admin consent — README step 2b.',
    ],
    token_refused: [
      'Microsoft Graph refuses the app’s token (a wrong tenant, or a Graph address that does not match it).',
      'IT team: check AAD_APP_TENANT_ID and GRAPH_BASE_URL — README step 1.',
    ],
    library_missing: [
      `The document library of ${site} was not found (deleted, moved, or ECM_SERVICE_LIBRARIES names another one).`,
      `SharePoint administrator: restore the library, or correct its ids in ECM_SERVICE_LIBRARIES — README step 3.`,
    ],
    library_not_configured: [
      `No document library is set for ${serviceName}.`,
      `IT team: add the service’s site and library to ECM_SERVICE_LIBRARIES and restart the server — README steps 1 and 3.`,
    ],
  };
  const [why, whoActs] = words[cause];
  return { cause, why, whoActs };
}
