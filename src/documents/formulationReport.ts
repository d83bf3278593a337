import { FIVE_PS, type Formulation, HYPOTHESIS_DOMAINS, sequencedRecommendations } from '../domain/formulation.js';
import { LIFE_STAGE_LABELS } from '../domain/lifeStage.js';
import { meetingDate } from '../domain/meeting.js';
import { trmLabel } from '../domain/service.js';
import { inPlacementOrder, movement } from '../domain/trm.js';
import { ImageRun, Paragraph, TextRun } from 'docx';
import { type Chronology, chronologyOf, gist } from './chronology.js';
import { type CaseDocumentFile, type CaseDossier, DOCX_TYPE, type Rasterise } from './dossier.js';
import { fileNameOf, formulationFor, versionLabel } from './names.js';
import { participants, trmMovementWords } from './reportParts.js';
import { AGENCY_LABELS, CONFIDENCE_LABELS, HYPOTHESIS_DOMAIN_LABELS, PATHWAY_LABELS } from '../contract/words.js';
import { timelinePicture } from './timelinePicture.js';
import { anchor, type Block, bullet, facts, heading, linkTo, numbered, packWord, para, prose, table, title } from './word.js';
import { categoryLabel, categoryTone, formatDate, whenText, withoutChildName } from './wording.js';
import { handlingNote, purposeAndLimits, signOff } from './signOff.js';
import { whoKnowsWhat } from './whoKnowsWhat.js';

/**
 * The psychologist's formulation report, from the record: the life summary, the chronology by
 * life stage, hypotheses citing their evidence (links into the chronology), strengths, needs, the
 * sequenced plan, the TRM placement, who took part, and the version and its approval. The child is
 * "the young person" throughout: the report is published to the service's library, beyond the tab.
 */
export interface FormulationReportOptions {
  /** Which version; by default the newest approved one (or the draft, marked as such). */
  formulationNumber?: number;
  rasterise: Rasterise;
}

const FIVE_P_LABELS: Record<(typeof FIVE_PS)[number], string> = {
  presenting: 'Presenting',
  predisposing: 'Predisposing',
  precipitating: 'Precipitating',
  perpetuating: 'Perpetuating',
  protective: 'Protective',
};

/** Twice the picture's size for print, within about 1.5 million pixels: a long timeline is tall, and the PNG is only a fallback. */
const pngWidth = (p: { width: number; height: number }) => Math.min(p.width * 2, Math.floor(Math.sqrt((1_500_000 * p.width) / p.height)));

export async function formulationReport(d: CaseDossier, o: FormulationReportOptions): Promise<CaseDocumentFile> {
  const f = formulationFor(d, o.formulationNumber);
  const plain = (t: string) => withoutChildName(t, d.case.childName, d.case.childDateOfBirth);
  const chronology = chronologyOf(d.timeline);
  const settings = d.service.settings;
  const placements = inPlacementOrder(d.placements);
  const current = placements.at(-1);
  const approval =
    f.status === 'approved' && f.approvedAt ? `Approved by ${f.approvedByName ?? f.approvedBy} on ${formatDate(f.approvedAt)}` : 'Draft: not yet approved';

  const opening: Block[] = [
    title('Formulation report'),
    facts([
      ['Case reference', d.case.reference],
      ['Service', d.service.name],
      ['Pathway', PATHWAY_LABELS[d.case.pathway]],
      ['Formulation version', `${versionLabel(f)} — ${approval}`],
      [
        'Current TRM placement',
        current ? `Level ${current.level}: ${trmLabel(settings, current.level)} (since ${formatDate(current.effectiveDate)})` : 'Not yet placed',
      ],
      [
        'Made from',
        d.approval
          ? `The case record as it stood when this version was approved, on ${formatDate(d.approval.approvedAt)}`
          : `The case record on ${formatDate(d.today)} (a draft changes as the record does)`,
      ],
    ]),
    ...purposeAndLimits(),
    heading('Summary of the young person’s life'),
    ...prose(plain(f.content.summary)),
  ];

  const picture = timelinePicture({
    reference: d.case.reference,
    dateOfBirth: d.case.childDateOfBirth,
    today: d.today,
    settings,
    timeline: d.timeline,
    asAtApproval: d.approval !== undefined,
  });
  const scale = Math.min(860 / picture.width, 520 / picture.height);
  const pictureSection: Block[] = [
    heading('Life timeline at a glance'),
    new Paragraph({
      children: [
        new ImageRun({
          type: 'svg',
          data: new TextEncoder().encode(picture.svg),
          fallback: { type: 'png', data: o.rasterise(picture.svg, pngWidth(picture)) },
          transformation: { width: Math.round(picture.width * scale), height: Math.round(picture.height * scale) },
          altText: {
            name: 'Life timeline',
            title: `Life timeline, case ${d.case.reference}`,
            description: `${chronology.entries.length} timeline entries by category and age; the chronology that follows lists each one.`,
          },
        }),
      ],
    }),
  ];

  const body: Block[] = [
    heading('Chronology'),
    para('Entries are numbered in life order (E1, E2…). The hypotheses below cite them as evidence.'),
    ...chronologySection(d, chronology, plain),
    ...whoKnowsWhat(d),
    heading('Psychological hypotheses'),
    ...hypothesesSection(d, f, chronology, plain),
    ...fivePsSection(f, plain),
    heading('Strengths and protective factors'),
    ...prose(plain(f.content.strengths)),
    ...positiveEvents(d, chronology, plain),
    heading('Developmental and cognitive needs'),
    ...prose(plain(f.content.needs)),
    heading('Recommendations, in sequence'),
    para('Offered in this order: by TRM level, relationship-based help first within each level.'),
    ...recommendationsSection(d, f, plain),
    heading('Current TRM placement'),
    ...trmSection(d, plain),
    heading('The young person’s and family’s views'),
    ...prose(
      plain(f.content.views ?? ''),
      'Not recorded yet. Ask the young person and their family what they think of this understanding and the plan, and record it in their words.',
    ),
    heading('Who took part'),
    ...whoTookPart(d, f),
    heading('Version and approval'),
    facts([
      ['Version', versionLabel(f)],
      ['Status', approval],
      ['Last saved', formatDate(f.updatedAt)],
      [
        'Earlier versions',
        d.formulations
          .filter((x) => x.number < f.number)
          .map((x) => versionLabel(x))
          .join(', ') || 'None',
      ],
    ]),
    para('This report is generated from the case record. To change it, change the record in ECM for Teams and approve a new version.'),
    heading('Sign-off'),
    ...signOff(f),
    heading('Handling'),
    ...handlingNote(),
  ];

  const content = await packWord({
    reference: d.case.reference,
    documentTitle: 'Formulation report',
    sections: [{ children: opening }, { children: pictureSection, landscape: true }, { children: body }],
  });
  return { fileName: fileNameOf.formulationReport(d.case.reference), contentType: DOCX_TYPE, content };
}

function chronologySection(d: CaseDossier, chronology: Chronology, plain: (t: string) => string): Block[] {
  if (chronology.entries.length === 0) return [para('No timeline entries are recorded.')];
  const settings = d.service.settings;
  return chronology.byStage.flatMap(({ stage, entries }) => [
    heading(LIFE_STAGE_LABELS[stage], 2),
    table(
      ['No.', 'When', 'What happened', 'Category', 'Source', 'How sure'],
      entries.map(({ entry, label, bookmark }) => [
        { text: label, blocks: new Paragraph({ children: [anchor(bookmark, label)] }) },
        whenText(entry, d.case.childDateOfBirth),
        { text: plain(entry.description), blocks: prose(plain(entry.description)) },
        `${categoryLabel(settings, entry.category)}${categoryTone(settings, entry.category) === 'positive' ? ' (positive)' : ''}`,
        AGENCY_LABELS[entry.sourceAgency],
        entry.withheld ? '—' : CONFIDENCE_LABELS[entry.confidence],
      ]),
      [6, 15, 45, 14, 10, 10],
    ),
  ]);
}

function evidenceItem(d: CaseDossier, chronology: Chronology, id: string, plain: (t: string) => string): Paragraph {
  const n = chronology.byId.get(id);
  if (!n) return bullet(new TextRun({ text: 'An entry no longer on the timeline (retracted after this version was written).', italics: true }));
  const e = n.entry;
  return bullet(
    linkTo(n.bookmark, n.label),
    ` ${whenText(e, d.case.childDateOfBirth)} · ${categoryLabel(d.service.settings, e.category)}: ${gist(plain(e.description))}`,
  );
}

function hypothesesSection(d: CaseDossier, f: Formulation, chronology: Chronology, plain: (t: string) => string): Block[] {
  const blocks: Block[] = [];
  for (const domain of HYPOTHESIS_DOMAINS) {
    const hs = f.content.hypotheses.filter((h) => h.domain === domain);
    if (hs.length === 0) continue;
    blocks.push(heading(HYPOTHESIS_DOMAIN_LABELS[domain], 2));
    for (const h of hs) {
      blocks.push(...prose(plain(h.text)));
      blocks.push(para(new TextRun({ text: 'Evidence from the timeline:', bold: true })));
      blocks.push(...(h.evidence.length ? h.evidence.map((id) => evidenceItem(d, chronology, id, plain)) : [bullet('None cited yet.')]));
    }
  }
  return blocks.length ? blocks : [para('No hypotheses are recorded yet.')];
}

function fivePsSection(f: Formulation, plain: (t: string) => string): Block[] {
  const filled = FIVE_PS.filter((p) => f.content.fivePs[p].trim());
  if (filled.length === 0) return [];
  return [
    heading('The formulation in brief (five Ps)', 2),
    table(
      ['Factor', 'What the team understands'],
      filled.map((p) => [FIVE_P_LABELS[p], { text: plain(f.content.fivePs[p]), blocks: prose(plain(f.content.fivePs[p])) }]),
      [22, 78],
    ),
  ];
}

function positiveEvents(d: CaseDossier, chronology: Chronology, plain: (t: string) => string): Block[] {
  const good = chronology.entries.filter((n) => categoryTone(d.service.settings, n.entry.category) === 'positive');
  if (good.length === 0) return [];
  return [heading('Positive events on the timeline', 2), ...good.map((n) => evidenceItem(d, chronology, n.entry.id, plain))];
}

function recommendationsSection(d: CaseDossier, f: Formulation, plain: (t: string) => string): Block[] {
  const recs = sequencedRecommendations(f.content.recommendations);
  if (recs.length === 0) return [para('No recommendations are recorded yet.')];
  const blocks: Block[] = [];
  let level: number | null = null;
  for (const r of recs) {
    if (r.trmLevel !== level) {
      level = r.trmLevel;
      blocks.push(heading(`TRM level ${r.trmLevel}: ${trmLabel(d.service.settings, r.trmLevel)}`, 2));
    }
    blocks.push(numbered(1, plain(r.text), ...(r.relationshipBased ? [new TextRun({ text: ' (relationship-based)', italics: true })] : [])));
  }
  return blocks;
}

function trmSection(d: CaseDossier, plain: (t: string) => string): Block[] {
  const placements = inPlacementOrder(d.placements);
  const current = placements.at(-1);
  if (!current) return [para('The young person has not yet been placed on the Trauma Recovery Model.')];
  const settings = d.service.settings;
  return [
    para(new TextRun({ text: `Level ${current.level}: ${trmLabel(settings, current.level)}`, bold: true }), ` — since ${formatDate(current.effectiveDate)}`),
    ...prose(plain(current.rationale)),
    heading('Placements over time', 2),
    table(
      ['Date', 'Level', 'Movement', 'Placed by'],
      placements.map((p, i) => [
        formatDate(p.effectiveDate),
        `${p.level} · ${trmLabel(settings, p.level)}`,
        trmMovementWords(movement(placements[i - 1]?.level ?? null, p.level)),
        p.placedByName,
      ]),
      [20, 40, 20, 20],
    ),
  ];
}

function whoTookPart(d: CaseDossier, f: Formulation): Block[] {
  const meeting = d.meetings
    .filter((m) => m.kind === 'formulation' && m.status === 'held' && (!f.approvedAt || m.startsAt <= f.approvedAt))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    .pop();
  const people = participants(d, meeting ?? null);
  return [
    para(meeting ? `The formulation meeting was held on ${formatDate(meetingDate(meeting))}.` : 'No formulation meeting is recorded.'),
    table(
      ['Name', 'Agency', 'Part in the case', 'At the formulation meeting'],
      people.map((p) => [p.name, p.agency, p.part, p.attended]),
      [28, 24, 26, 22],
    ),
  ];
}
