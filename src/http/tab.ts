import { existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import express, { type Request, type RequestHandler, type Router } from 'express';
import { body, notFoundRoute } from './errors.js';

const YEAR = '365d';

/**
 * Serves the built tab at /tab. Hashed assets are cached for a year; index.html never, so a new
 * build reaches every Teams client on its next load.
 */
export function tabRoutes(distDir: string): Router {
  const r = express.Router();
  const index = join(distDir, 'index.html');
  const assets = join(distDir, 'assets');
  r.use('/assets', precompressed(assets));
  // Whatever is not a file (a folder, a traversal, a bad escape) falls through to 404: a scanner's
  // guesses are not errors of ours.
  r.use('/assets', express.static(assets, { immutable: true, maxAge: YEAR, index: false, redirect: false }));
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
  r.use(notFoundRoute);
  return r;
}

/** Brotli first: it is what the build makes smallest. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

const exists = (path: string) => statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;

/** Whether the request accepts this encoding (checked one at a time, so our order wins over the header's). */
const accepts = (req: Request, encoding: string) => req.acceptsEncodings(encoding) === encoding;

/**
 * The `.br` or `.gz` the build made beside an asset (scripts/precompress.ts), for a browser that
 * accepts it; anything else falls through to the plain file. Only the tab's assets: the API and
 * its event streams are never buffered for compression.
 */
function precompressed(dir: string): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let relative: string;
    try {
      relative = normalize(decodeURIComponent(req.path));
    } catch {
      return next();
    }
    const file = join(dir, relative);
    if (!file.startsWith(dir + sep) || !exists(file)) return next();
    const available = ENCODINGS.filter((e) => exists(file + e.suffix));
    if (available.length === 0) return next();
    res.vary('Accept-Encoding');
    const chosen = available.find((e) => accepts(req, e.name));
    if (!chosen) return next();
    res.type(extname(file));
    res.set('Content-Encoding', chosen.name);
    return res.sendFile(file + chosen.suffix, { immutable: true, maxAge: YEAR }, (error) => {
      if (error) next(error);
    });
  };
}
