import { strFromU8, unzipSync } from 'fflate';

/** A .docx opened as Word would: the zip, its parts, and the text of the body. */
export interface OpenedDocx {
  parts: Record<string, string>;
  body: string;
  /** Everything a reader could see or search: body, headers, footers, properties. */
  allText: string;
  headings: { level: number; text: string }[];
}

/** The text of a Word part, paragraphs on lines of their own, entities read as characters. */
export const textOf = (xml: string) =>
  xml
    .replace(/<w:tab\/>/g, ' ')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

export function openDocx(content: Uint8Array): OpenedDocx {
  const files = unzipSync(content);
  const parts: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(files)) if (/\.(xml|rels)$/.test(name)) parts[name] = strFromU8(bytes);
  const body = parts['word/document.xml'] ?? '';
  const headings: OpenedDocx['headings'] = [];
  for (const m of body.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="(Heading(\d)|Title)"\/>(.*?)<\/w:p>/gs)) {
    headings.push({ level: m[2] ? Number(m[2]) : 0, text: textOf(m[3] ?? '').trim() });
  }
  const allText = Object.entries(parts)
    .filter(([name]) => /^(word\/(document|header\d*|footer\d*)\.xml|docProps\/.*\.xml)$/.test(name))
    .map(([, xml]) => textOf(xml))
    .join('\n');
  return { parts, body, allText, headings };
}

export const mediaOf = (content: Uint8Array): string[] => Object.keys(unzipSync(content)).filter((n) => n.startsWith('word/media/'));
