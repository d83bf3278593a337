import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

/** One line of the benchmark table: a measure beside its reference from the same run, and its goal. */
export interface ResultRow {
  measure: string;
  /** What was measured, in its unit. */
  value: string;
  reference: string;
  ratio: string;
  goal: string;
  /** null: no goal, or not measured. */
  met: boolean | null;
  /** How far from the goal, or why there is no number. */
  note: string;
}

export interface Machine {
  cpu: string;
  cores: number;
  memory: string;
  node: string;
  os: string;
  postgres: string;
  /** The 1-minute load average when the run began: other work on a shared machine skews every number. */
  loadAtStart: string;
  date: string;
}

export function describeMachine(postgres: string): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    postgres,
    loadAtStart: (os.loadavg()[0] ?? 0).toFixed(2),
    date: new Date().toISOString(),
  };
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

/** The value below which `p` per cent of the samples fall (nearest rank). */
export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;

export const fmt = (n: number, digits = 0) => n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

const COLUMNS: [keyof ResultRow, string][] = [
  ['measure', 'measure'],
  ['value', 'measured'],
  ['reference', 'reference (same run)'],
  ['ratio', 'ratio'],
  ['goal', 'goal'],
  ['met', 'met'],
  ['note', 'note'],
];

const cell = (row: ResultRow, key: keyof ResultRow) => {
  const v = row[key];
  if (key === 'met') return v === null ? '—' : v ? 'yes' : 'NO';
  return String(v).replaceAll('|', '\\|');
};

export function markdownTable(rows: ResultRow[]): string {
  const head = `| ${COLUMNS.map(([, t]) => t).join(' | ')} |\n|${COLUMNS.map(() => '---').join('|')}|\n`;
  return head + rows.map((r) => `| ${COLUMNS.map(([k]) => cell(r, k)).join(' | ')} |`).join('\n') + '\n';
}

export function machineLine(m: Machine): string {
  return `${m.cpu}, ${m.cores} cores, ${m.memory} memory, Node ${m.node}, ${m.os}, PostgreSQL ${m.postgres}; load average ${m.loadAtStart} at the start; ${m.date}`;
}

const RESULTS = fileURLToPath(new URL('../results/', import.meta.url));

/** Writes tests/bench/results/latest.json and latest.md; git keeps the earlier runs. */
export function writeResults(machine: Machine, rows: ResultRow[], notes: string[], details: unknown): { json: string; markdown: string } {
  mkdirSync(RESULTS, { recursive: true });
  const json = `${RESULTS}latest.json`;
  const markdown = `${RESULTS}latest.md`;
  writeFileSync(json, `${JSON.stringify({ machine, rows, notes, details }, null, 2)}\n`);
  writeFileSync(markdown, `# Benchmark results\n\nMachine: ${machineLine(machine)}\n\n${markdownTable(rows)}\n${notes.map((n) => `- ${n}`).join('\n')}\n`);
  return { json, markdown };
}
