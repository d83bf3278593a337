import { readFileSync } from 'node:fs';
import express, { type Router } from 'express';

/**
 * The privacy notice, terms of use and help page that the Teams app manifest links to
 * (developer.privacyUrl, termsOfUseUrl, websiteUrl). Static HTML and one stylesheet from this
 * origin, no scripts and no inline styles, so they live within the server's CSP. Public: Teams
 * and the store show these links before anyone signs in.
 */
export const LEGAL_PAGES = {
  '/privacy': 'privacy.html',
  '/terms': 'terms.html',
  '/support': 'support.html',
} as const;

const read = (file: string) => readFileSync(new URL(`../legal/${file}`, import.meta.url), 'utf8');

export function legalPages(): Router {
  const router = express.Router();
  const stylesheet = read('legal.css');
  for (const [path, file] of Object.entries(LEGAL_PAGES)) {
    const html = read(file);
    router.get(path, (_req, res) => {
      res.set('Cache-Control', 'public, max-age=3600').type('html').send(html);
    });
  }
  router.get('/legal.css', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=3600').type('css').send(stylesheet);
  });
  return router;
}
