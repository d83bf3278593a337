import { Router } from 'express';
import type { AppDeps } from '../../app/deps.js';
import { signInWithDevAccount } from '../../app/people/signInWithDevAccount.js';
import type { DevAccount } from '../../contract/views.js';
import { ROLE_LABELS } from '../../contract/words.js';

/**
 * Local mode only: list the demo accounts and sign in as one. Mounted by the composition root
 * when config enables the dev sign-in, which it refuses to do in production.
 */
export function devSignInRoutes(deps: AppDeps, sessionHours: number): Router {
  const r = Router();
  r.get('/dev/accounts', async (_req, res) => {
    const staff = await deps.store.transaction((tx) => tx.staff.list());
    res.json({
      notice: 'Demo accounts for local use. Every person and case in the demo data is fictional.',
      items: staff.map((s): DevAccount => ({
        id: s.id,
        name: s.name,
        role: s.role,
        roleLabel: ROLE_LABELS[s.role],
        agency: s.agency,
        serviceIds: s.serviceIds,
      })),
    });
  });
  r.post('/dev/sign-in', async (req, res) => {
    const { token, expiresAt, staff } = await signInWithDevAccount(deps, req.body, sessionHours);
    res.status(201).json({ token, expiresAt, staff: { id: staff.id, name: staff.name, role: staff.role } });
  });
  return r;
}
