import {
  AlignmentType,
  Bookmark,
  Document,
  Footer,
  Header,
  HeadingLevel,
  InternalHyperlink,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { PROTECTIVE_MARKING } from './wording.js';
import { zipOf } from './zip.js';

/**
 * The Word building blocks every case document uses: real heading styles (so the navigation pane
 * and screen readers find the sections), real lists and tables with header rows, and a header that
 * names the case by its reference only.
 */
export type Block = Paragraph | Table;

const H = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

export const heading = (text: string, level: 1 | 2 | 3 = 1): Paragraph => new Paragraph({ text, heading: H[level - 1], keepNext: true });

export const title = (text: string): Paragraph => new Paragraph({ text, heading: HeadingLevel.TITLE });

/** Free text as typed: blank lines separate paragraphs, single line breaks are kept. */
export function prose(text: string, empty = 'Not recorded.'): Paragraph[] {
  const blocks = text
    .trim()
    .split(/\n\s*\n/)
    .filter((b) => b.trim());
  if (blocks.length === 0) return [new Paragraph({ children: [new TextRun({ text: empty, italics: true })] })];
  return blocks.map((b) => new Paragraph({ children: b.split('\n').map((line, i) => new TextRun({ text: line.trim(), ...(i > 0 ? { break: 1 } : {}) })) }));
}

export const para = (...children: (string | ParagraphChild)[]): Paragraph =>
  new Paragraph({ children: children.map((c) => (typeof c === 'string' ? new TextRun(c) : c)) });

export const bold = (text: string): TextRun => new TextRun({ text, bold: true });

export const bullet = (...children: (string | ParagraphChild)[]): Paragraph =>
  new Paragraph({ children: children.map((c) => (typeof c === 'string' ? new TextRun(c) : c)), bullet: { level: 0 } });

/** A numbered list item; `instance` restarts the numbering for a new list. */
export const numbered = (instance: number, ...children: (string | ParagraphChild)[]): Paragraph =>
  new Paragraph({ children: children.map((c) => (typeof c === 'string' ? new TextRun(c) : c)), numbering: { reference: 'steps', level: 0, instance } });

/** A place a link can jump to (Word bookmark). */
export const anchor = (id: string, text: string): Bookmark => new Bookmark({ id, children: [new TextRun({ text, bold: true })] });

/** A link to a bookmark in the same document. */
export const linkTo = (id: string, text: string): InternalHyperlink =>
  new InternalHyperlink({ anchor: id, children: [new TextRun({ text, style: 'Hyperlink' })] });

/** A cell: its text, or blocks made from a text (the text is what its column is measured by). */
type Cell = string | Paragraph | Paragraph[] | { text: string; blocks: Paragraph | Paragraph[] };

const cellBlocks = (c: Cell): Paragraph[] => {
  if (typeof c === 'string') return [new Paragraph(c)];
  if (c instanceof Paragraph) return [c];
  if (Array.isArray(c)) return c;
  return Array.isArray(c.blocks) ? c.blocks : [c.blocks];
};
const cellText = (c: Cell): string => (typeof c === 'string' ? c : 'text' in c ? c.text : '');

/** A4 portrait between the default margins of 1 inch, in twentieths of a point. */
export const A4_TEXT_WIDTH = 11906 - 2 * 1440;
/** Word's and LibreOffice's default space inside a cell, left plus right. */
const CELL_PADDING = 2 * 108;
const BODY_PT = 11;

/** Roughly how wide a word is in Arial, in ems: enough to keep a column wider than its longest word. */
function wordEms(word: string, bold: boolean): number {
  let w = 0;
  for (const ch of word) {
    if (/[il.,;:!|'’]/.test(ch)) w += 0.28;
    else if (/[fjtrI()[\]-]/.test(ch)) w += 0.35;
    else if (/[mwMW]/.test(ch)) w += 0.9;
    else if (/[A-Z]/.test(ch)) w += 0.72;
    else if (/[0-9]/.test(ch)) w += 0.56;
    else if (/[–—…]/.test(ch)) w += 1;
    else w += 0.52;
  }
  return w * (bold ? 1.1 : 1);
}

const longestWord = (text: string, bold: boolean) => Math.max(0, ...text.split(/[\s/]+/).map((word) => wordEms(word, bold)));

/**
 * Column widths that fit: every column at least as wide as its longest word (a word broken inside
 * a table cell, "accommodat-ion", is hard to read), the rest shared out by the given weights.
 */
export function fitColumns(headers: string[], rows: Cell[][], weights: number[], total = A4_TEXT_WIDTH): number[] {
  const twipsPerEm = BODY_PT * 20;
  const least = headers.map((h, i) =>
    Math.ceil(Math.max(longestWord(h, true), ...rows.map((r) => longestWord(cellText(r[i] ?? ''), false))) * twipsPerEm * 1.06 + CELL_PADDING),
  );
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w, i) => Math.max(least[i] as number, Math.round((total * w) / sum)));
  let over = widths.reduce((a, b) => a + b, 0) - total;
  // Take the excess from the columns with room to spare, in proportion to that room.
  for (let pass = 0; over > 0 && pass < 4; pass++) {
    const spare = widths.map((w, i) => Math.max(0, w - (least[i] as number)));
    const room = spare.reduce((a, b) => a + b, 0);
    if (room === 0) break;
    const take = Math.min(over, room);
    widths.forEach((w, i) => (widths[i] = w - Math.floor(((spare[i] as number) * take) / room)));
    over = widths.reduce((a, b) => a + b, 0) - total;
  }
  if (over > 0) return widths.map((w) => Math.floor((w * total) / (total + over)));
  return widths;
}

/** A table with a header row that repeats on every page; `weights` share out the width, each column fitting its longest word. */
export function table(headers: string[], rows: Cell[][], weights?: number[]): Table {
  const widths = fitColumns(headers, rows, weights ?? headers.map(() => 1));
  const cell = (i: number, children: Paragraph[]) => new TableCell({ width: { size: widths[i] as number, type: WidthType.DXA }, children });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: headers.map((h, i) => cell(i, [new Paragraph({ children: [bold(h)] })])),
      }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(i, cellBlocks(c))) })),
    ],
  });
}

/** Label–value pairs as a two-column table. */
export const facts = (pairs: [string, string][]): Table =>
  table(
    ['Item', 'Detail'],
    pairs.map(([k, v]) => [k, v]),
    [30, 70],
  );

export interface WordFile {
  /** The case reference: in the header of every page and the file's properties, never the child's name. */
  reference: string;
  /** "Formulation report" */
  documentTitle: string;
  /** Sections in order; a landscape one gives a wide picture room to be read in print. */
  sections: { children: Block[]; landscape?: boolean }[];
  /** The young person's own version: bigger type and more space. */
  largeType?: boolean;
}

/** The marking on its own line, bold and centred, at the top and bottom of every page. */
const marking = (size: number) =>
  new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: PROTECTIVE_MARKING, bold: true, size, color: '000000' })] });

export async function packWord(f: WordFile): Promise<Uint8Array> {
  const large = f.largeType === true;
  const pt = (n: number) => n * 2;
  const doc = new Document({
    title: `${f.documentTitle} ${f.reference}`,
    subject: f.reference,
    creator: 'ECM for Teams',
    description: `${f.documentTitle} for case ${f.reference}, generated from the case record.`,
    styles: {
      default: {
        // lineRule "auto": a line height as a multiple of the text's own (1.15, 1.5). Without it LibreOffice
        // reads the number as an exact height and clips pictures and two-line titles to one line.
        document: {
          run: { font: 'Arial', size: pt(large ? 14 : 11), language: { value: 'en-GB' } },
          paragraph: { spacing: { after: large ? 200 : 120, line: large ? 360 : 276, lineRule: LineRuleType.AUTO } },
        },
        title: {
          run: { font: 'Arial', size: pt(large ? 30 : 24), bold: true, color: '1F2937' },
          paragraph: { spacing: { after: 240, line: 276, lineRule: LineRuleType.AUTO } },
        },
        heading1: { run: { font: 'Arial', size: pt(large ? 22 : 16), bold: true, color: '1F2937' }, paragraph: { spacing: { before: 360, after: 160 } } },
        heading2: { run: { font: 'Arial', size: pt(large ? 18 : 13), bold: true, color: '1F2937' }, paragraph: { spacing: { before: 240, after: 120 } } },
        heading3: { run: { font: 'Arial', size: pt(large ? 16 : 12), bold: true, color: '374151' }, paragraph: { spacing: { before: 200, after: 80 } } },
        hyperlink: { run: { color: '1D4ED8', underline: {} } },
      },
    },
    numbering: {
      config: [
        {
          reference: 'steps',
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    sections: f.sections.map((section) => ({
      properties: { page: { size: { orientation: section.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT } } },
      headers: {
        default: new Header({
          children: [
            marking(pt(large ? 14 : 12)),
            new Paragraph({
              alignment: AlignmentType.CENTER,
              children: [new TextRun({ text: `ECM for Teams · ${f.reference} · ${f.documentTitle}`, size: pt(large ? 12 : 9) })],
            }),
          ],
        }),
      },
      footers: {
        default: new Footer({
          children: [
            new Paragraph({
              alignment: AlignmentType.CENTER,
              children: [new TextRun({ children: [`${f.reference} · page `, PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: pt(large ? 12 : 9) })],
            }),
            marking(pt(large ? 14 : 12)),
          ],
        }),
      },
      children: section.children,
    })),
  });
  return packed(doc);
}

/** docx's own packer, as far as the parts: it lays them out in a JSZip without compressing them. */
interface PartsCompiler {
  compile(doc: Document): { files: Record<string, { dir: boolean; name: string; async(type: 'uint8array'): Promise<Uint8Array> }> };
}

/**
 * The document's parts as docx lays them out, zipped by zlib (zip.ts says why not by JSZip).
 * docx does not export the step between the two, so its packer's compiler is reached by name; if
 * a later docx moves it, documents are packed by docx whole, as before, and only the memory differs.
 */
async function packed(doc: Document): Promise<Uint8Array> {
  const compiler = (Packer as unknown as { compiler?: PartsCompiler }).compiler;
  if (typeof compiler?.compile !== 'function') return new Uint8Array(await Packer.toBuffer(doc));
  const files = Object.values(compiler.compile(doc).files).filter((f) => !f.dir);
  const parts = [];
  for (const f of files) parts.push({ path: f.name, bytes: await f.async('uint8array') });
  return zipOf(parts);
}
