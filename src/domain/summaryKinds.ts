/**
 * The kinds of summary and their sections, without any machinery: the server and the tab (through
 * src/contract/summaries.ts) read the same headings.
 */
export const SUMMARY_KINDS = ['court', 'adult_handover'] as const;
export type SummaryKind = (typeof SUMMARY_KINDS)[number];

/** The kind as it appears in an address: `/summaries/court`, `/summaries/adult-handover`. */
export const SUMMARY_SLUGS: Record<SummaryKind, string> = { court: 'court', adult_handover: 'adult-handover' };
export const summaryKindOfSlug = (slug: string): SummaryKind | null => SUMMARY_KINDS.find((k) => SUMMARY_SLUGS[k] === slug) ?? null;

/** The sections of each kind, in the order the document gives them, with their headings. */
export const SUMMARY_SECTIONS = {
  court: [
    { key: 'inEcm', heading: 'Enhanced Case Management and since when' },
    { key: 'plan', heading: 'The plan in plain words' },
    { key: 'askedOfChild', heading: 'What is asked of the young person' },
    { key: 'askedOfAdults', heading: 'What is asked of the adults around them' },
    { key: 'relationshipsFirst', heading: 'Why relationship-based work comes first' },
  ],
  adult_handover: [
    { key: 'found', heading: 'What the formulation found' },
    { key: 'whatWorks', heading: 'What works' },
    { key: 'triggers', heading: 'Triggers' },
    { key: 'trustedAdults', heading: 'Trusted adults' },
    { key: 'avoid', heading: 'What to avoid' },
  ],
} as const satisfies Record<SummaryKind, readonly { key: string; heading: string }[]>;

export type SummarySections = Record<string, string>;
