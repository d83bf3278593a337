import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Router } from 'express';
import { body } from './errors.js';

/**
 * Serves the built tab at /tab. Hashed assets are cached for a year; index.html never, so a new
 * build reaches every Teams client on its next load.
 */
export function tabRoutes(distDir: string): Router {
  const r = express.Router();
  const index = join(distDir, 'index.html');
  r.use('/assets', express.static(join(distDir, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: false }));
  r.get('/', (req, res) => {
    if (!req.originalUrl.split('?')[0]!.endsWith('/')) {
      const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
      return res.redirect(301, `${req.baseUrl}/${query}`);
    }
    if (!existsSync(index)) {
      return res.status(503).json(body('unavailable', 'The tab has not been built yet: run `npm run build:tab` (npm start does it for you).'));
    }
    res.set('Cache-Control', 'no-cache');
    return res.sendFile(index);
  });
  return r;
}
