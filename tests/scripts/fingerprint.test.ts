import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprintOf, isCurrent, serverInputs } from '../../scripts/fingerprint.mjs';

/** A repository in miniature: enough of src/ and bot/ for the server's fingerprint. */
function repository() {
  const root = mkdtempSync(join(tmpdir(), 'ecm-fingerprint-'));
  for (const dir of ['src/http/legal', 'bot/cards/templates']) mkdirSync(join(root, dir), { recursive: true });
  writeFileSync(join(root, 'src', 'main.ts'), 'export {};\n');
  writeFileSync(join(root, 'src', 'http', 'legal', 'terms.html'), '<p>Terms</p>');
  writeFileSync(join(root, 'bot', 'cards', 'templates', 'invitation.json'), '{}');
  writeFileSync(join(root, 'package-lock.json'), '{}');
  const stamp = join(root, 'stamp');
  const build = () => writeFileSync(stamp, fingerprintOf(root, serverInputs(root)));
  const current = () => isCurrent(stamp, fingerprintOf(root, serverInputs(root)));
  return { root, build, current };
}

describe('npm start knows when the compiled server is out of date', () => {
  it('a server never built is out of date', () => {
    expect(repository().current()).toBe(false);
  });

  it('a build stays current while nothing it is built from changes', () => {
    const r = repository();
    r.build();
    expect(r.current()).toBe(true);
  });

  it.each([
    ['a source file changes', 'src/main.ts'],
    ['a file read beside the code changes', 'src/http/legal/terms.html'],
    ['a card template changes', 'bot/cards/templates/invitation.json'],
    ['the locked packages change', 'package-lock.json'],
    ['a source file is added', 'src/added.ts'],
  ])('the build is out of date when %s', (_, file) => {
    const r = repository();
    r.build();
    writeFileSync(join(r.root, file), '// changed\n');
    expect(r.current()).toBe(false);
  });
});
