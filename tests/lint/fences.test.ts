import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The lint fences of eslint.layers.js and the cycle check, shown failing on wrong imports (and
 * passing on right ones) exactly as `npm run lint` runs them.
 */
const root = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return result!.messages.filter((m) => m.ruleId?.startsWith('import-x/')).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the lint fences between the layers', () => {
  it.each([
    ['src/domain/probe.ts', "import { inTransaction } from '../app/unitOfWork.js';", 'src/domain is the ground floor'],
    ['src/domain/probe.ts', "import { ROLE_LABELS } from '../contract/words.js';", 'src/domain is the ground floor'],
    ['src/app/case/probe.ts', "import { openSqliteStore } from '../../adapters/sqlite/openSqliteStore.js';", 'never through an adapter'],
    ['src/app/case/probe.ts', "import { apiRoutes } from '../../http/routeTable.js';", 'never through an adapter, a route'],
    ['src/http/routes/probe.ts', "import { openSqliteStore } from '../../adapters/sqlite/openSqliteStore.js';", 'adapters are chosen in src/composition.ts'],
    ['src/contract/probe.ts', "import { inTransaction } from '../app/unitOfWork.js';", 'stands on the domain and the ports only'],
    ['bot/probe.ts', "import { compose } from '../src/composition.js';", 'adapters are chosen in src/composition.ts'],
    ['tab/src/probe.ts', "import { LIFE_STAGES } from '../../src/domain/lifeStage.js';", 'nothing from src/ but src/contract'],
    ['tab/src/probe.ts', "import type { AppDeps } from '../../src/app/deps.js';", 'nothing from src/ but src/contract'],
  ])('%s may not say %s', async (file, code, why) => {
    const found = await problems(file, `${code}\nexport {};\n`);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('import-x/no-restricted-paths');
    expect(found[0]).toContain(why);
  });

  it.each([
    ['src/app/case/probe.ts', "import { caseFor } from '../access.js';\nimport type { CaseView } from '../../contract/views.js';"],
    ['src/http/routes/probe.ts', "import { referCase } from '../../app/case/referCase.js';"],
    ['bot/probe.ts', "import { listCaseload } from '../src/app/case/listCaseload.js';"],
    ['tab/src/probe.ts', "import { ROLE_LABELS } from '../../src/contract/words.js';\nimport type { CaseView } from '../../src/contract/views.js';"],
  ])('%s may import down the house', async (file, code) => {
    expect(await problems(file, `${code}\nexport {};\n`)).toEqual([]);
  });
});

describe('the cycle check', () => {
  const dir = join(root, 'src', `zz-cycle-probe-${process.pid}`);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds two files that import each other', async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'a.ts'), "import { b } from './b.js';\nexport const a = () => b;\n");
    writeFileSync(join(dir, 'b.ts'), "import { a } from './a.js';\nexport const b = () => a;\n");
    const [a] = await eslint.lintFiles([join(dir, 'a.ts')]);
    expect(a!.messages.map((m) => m.ruleId)).toContain('import-x/no-cycle');
  });
});
