import { z } from 'zod';
import type { Principal } from '../../domain/staff.js';
import { type CaseDocumentFile, SVG_TYPE } from '../../documents/dossier.js';
import { fileNameOf } from '../../documents/names.js';
import { timelinePicture } from '../../documents/timelinePicture.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { loadCaseDossier } from './loadCaseDossier.js';

/** Which document to make, as the API asks for it. */
export const documentRequestSchema = z.discriminatedUnion('document', [
  z.object({ document: z.literal('formulation_report'), version: z.coerce.number().int().min(1).max(10_000).optional() }).strict(),
  z.object({ document: z.literal('youth_friendly_formulation'), version: z.coerce.number().int().min(1).max(10_000).optional() }).strict(),
  z.object({ document: z.literal('timeline_picture') }).strict(),
  z.object({ document: z.literal('review_record'), meetingId: z.string().uuid() }).strict(),
]);

/** One case document, made now from the record, for someone who may read the case's documents. */
export async function generateCaseDocument(deps: AppDeps, person: Principal, caseId: string, request: unknown): Promise<CaseDocumentFile> {
  const r = parseInput(documentRequestSchema, request, 'The document request');
  // The report is always of a version: an approved one says what was approved, on any later day.
  const d = await loadCaseDossier(deps, person, caseId, r.document, r.document === 'formulation_report' ? { ofVersion: true, version: r.version } : {});
  switch (r.document) {
    // The Word documents' library loads with the first one made, not with the server.
    case 'formulation_report': {
      const { formulationReport } = await import('../../documents/formulationReport.js');
      return formulationReport(d, { formulationNumber: r.version, rasterise: (svg, w) => deps.rasteriser.toPng(svg, w) });
    }
    case 'youth_friendly_formulation': {
      const { youthFriendlyFormulation } = await import('../../documents/youthFriendlyFormulation.js');
      return youthFriendlyFormulation(d, { formulationNumber: r.version });
    }
    case 'review_record': {
      const { reviewRecord } = await import('../../documents/reviewRecord.js');
      return reviewRecord(d, r.meetingId);
    }
    case 'timeline_picture': {
      const picture = timelinePicture({
        reference: d.case.reference,
        dateOfBirth: d.case.childDateOfBirth,
        today: d.today,
        settings: d.service.settings,
        timeline: d.timeline,
      });
      return { fileName: fileNameOf.timelinePicture(d.case.reference), contentType: SVG_TYPE, content: new TextEncoder().encode(picture.svg) };
    }
  }
}
