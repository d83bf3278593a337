import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Word files as LibreOffice shows them (what many partner agencies and councils open them with):
 * converted to PDF headless, read back as text page by page with poppler's pdftotext, and a page
 * drawn in grey with pdftoppm to see whether ink is on it. Debian: libreoffice-writer-nogui, poppler-utils.
 */
const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

/** Why the rendering tests cannot run here, or null when they can. */
export function libreOfficeMissing(): string | null {
  const missing = ['soffice', 'pdftotext', 'pdftoppm'].filter((t) => !has(t));
  return missing.length ? `not installed: ${missing.join(', ')} (apt-get install libreoffice-writer-nogui poppler-utils)` : null;
}

export interface RenderedPdf {
  pdf: string;
  /** The text of each page, in reading order. */
  pages: string[];
}

/** Converts Word files to PDF in one run of LibreOffice, with a profile of its own so runs beside each other do not collide. */
export function renderWithLibreOffice(files: { name: string; bytes: Uint8Array }[]): { results: Map<string, RenderedPdf>; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'ecm-lo-'));
  const paths = files.map((f, i) => {
    const path = join(dir, `${i}-${f.name}`);
    writeFileSync(path, f.bytes);
    return path;
  });
  // A slow machine shared by several people: LibreOffice gets minutes, not seconds.
  execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...paths], {
    timeout: 300_000,
    stdio: 'ignore',
  });
  const results = new Map<string, RenderedPdf>();
  files.forEach((f, i) => {
    const pdf = join(dir, `${i}-${f.name}`.replace(/\.docx$/, '.pdf'));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    results.set(f.name + `#${i}`, { pdf, pages: text.split('\f').slice(0, -1) });
  });
  return { results, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The share of a page's middle band (a fifth to four fifths of its height) that is not white, drawn in grey at 40 dpi. */
export function inkInMiddleOfPage(pdf: string, page: number): number {
  const out = join(tmpdir(), `ecm-page-${process.pid}-${page}-${Math.random().toString(36).slice(2)}`);
  execFileSync('pdftoppm', ['-gray', '-r', '40', '-f', String(page), '-l', String(page), '-singlefile', pdf, out]);
  const pgm = readFileSync(`${out}.pgm`);
  rmSync(`${out}.pgm`, { force: true });
  // P5 header: magic, width, height, max value, each followed by whitespace.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a PGM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = pgm.subarray(header[0].length);
  let ink = 0;
  let total = 0;
  for (let y = Math.floor(height / 5); y < Math.floor((height * 4) / 5); y++) {
    for (let x = 0; x < width; x++) {
      total++;
      if ((pixels[y * width + x] as number) < 200) ink++;
    }
  }
  return ink / total;
}
