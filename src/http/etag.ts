import type { Request, Response } from 'express';
import { HttpError } from './errors.js';

/** A resource's version as a strong ETag. */
export const etagOf = (version: number) => `"${version}"`;

export function sendVersioned<T extends { version: number }>(res: Response, resource: T, status = 200): void {
  res.status(status).set('ETag', etagOf(resource.version)).json(resource);
}

/** Updates must say which version they change: If-Match, or 428 when it is missing. */
export function expectedVersion(req: Request): number {
  const header = req.get('If-Match');
  if (!header) throw new HttpError(428, 'precondition_required', 'Send If-Match with the ETag of the version you are changing.');
  const m = /^"(\d{1,9})"$/.exec(header.trim());
  if (!m) throw new HttpError(412, 'precondition_failed', 'If-Match must be the ETag this API gave, such as "3".');
  return Number(m[1]);
}
