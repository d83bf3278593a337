import helmet from 'helmet';
import type { RequestHandler } from 'express';

/**
 * The Teams, Outlook and Microsoft 365 hosts that may frame the tab. X-Frame-Options cannot list
 * several origins, so framing is governed by CSP frame-ancestors alone.
 */
export const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.cloud.microsoft',
  'https://*.teams.cloud.microsoft',
  'https://teams.microsoft.us',
  'https://*.teams.microsoft.us',
  'https://dod.teams.microsoft.us',
  'https://local.teams.office.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook.live.com',
  'https://*.microsoft365.com',
  'https://*.cloud.microsoft',
  'https://*.office365.com',
];

export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", 'https://res.cdn.office.net'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:', 'https://res.cdn.office.net'],
        // teams-js fetches its list of valid host domains from Microsoft's CDN when framed by Teams.
        connectSrc: ["'self'", 'https://res.cdn.office.net'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: FRAME_ANCESTORS,
      },
    },
    frameguard: false,
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: 'same-site' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
  });
}
