import {
  AlignmentType,
  Bookmark,
  Document,
  Footer,
  Header,
  HeadingLevel,
  InternalHyperlink,
  LevelFormat,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

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

type Cell = string | Paragraph | Paragraph[];

const cellBlocks = (c: Cell): Paragraph[] => (typeof c === 'string' ? [new Paragraph(c)] : Array.isArray(c) ? c : [c]);

/** A table with a header row that repeats on every page; widths are percentages. */
export function table(headers: string[], rows: Cell[][], widths?: number[]): Table {
  const width = (i: number) => (widths?.[i] !== undefined ? { width: { size: widths[i] as number, type: WidthType.PERCENTAGE } } : {});
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: headers.map((h, i) => new TableCell({ ...width(i), children: [new Paragraph({ children: [bold(h)] })] })),
      }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => new TableCell({ ...width(i), children: cellBlocks(c) })) })),
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

/** Marking for documents about a child in youth justice, on every page. */
export const PROTECTIVE_MARKING = 'OFFICIAL-SENSITIVE';

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
        document: { run: { font: 'Arial', size: pt(large ? 14 : 11) }, paragraph: { spacing: { after: large ? 200 : 120, line: large ? 360 : 276 } } },
        title: { run: { font: 'Arial', size: pt(large ? 30 : 24), bold: true, color: '1F2937' }, paragraph: { spacing: { after: 240 } } },
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
            new Paragraph({
              children: [new TextRun({ text: `${PROTECTIVE_MARKING} · ECM for Teams · ${f.reference} · ${f.documentTitle}`, size: pt(large ? 12 : 9) })],
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
          ],
        }),
      },
      children: section.children,
    })),
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
