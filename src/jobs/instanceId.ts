import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * This instance's outbox worker id, kept in `dir` (DATA_DIR) so that a restart is recognised: the
 * restarted worker takes back the jobs it held at once. Instances sharing one PostgreSQL database
 * each have their own DATA_DIR, hence their own id.
 */
export function instanceId(dir: string): string {
  const file = join(dir, 'instance-id');
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    if (/^instance-[0-9a-f-]{36}$/.test(kept)) return kept;
  }
  const id = `instance-${randomUUID()}`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, `${id}\n`, { mode: 0o600 });
  return id;
}
