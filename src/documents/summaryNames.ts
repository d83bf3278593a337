import type { SummaryKind } from '../domain/summary.js';
import type { DocumentType } from '../ports/documentLibrary.js';
import { fileNameOf } from './names.js';

/**
 * A summary for readers outside the case team, in the psychologist's approved wording: for a court
 * or youth panel (what the plan is and why, without the clinical hypotheses), or for adult services
 * at 18 (what the formulation found and how to work with the young person). Like every case
 * document it names the young person by case reference only.
 */
export const SUMMARY_DOCUMENTS: Record<SummaryKind, { title: string; documentType: DocumentType; fileName: (reference: string) => string; purpose: string }> = {
  court: {
    title: 'Summary for the court',
    documentType: 'court_summary',
    fileName: fileNameOf.courtSummary,
    purpose:
      'This summary tells the court or youth panel that the young person is working with the service under Enhanced Case Management, what the plan is, what it asks of the young person and of the adults around them, and why it starts with relationships. It is drawn from the case team’s approved formulation, without its clinical detail.',
  },
  adult_handover: {
    title: 'Handover summary for adult services',
    documentType: 'adult_handover_summary',
    fileName: fileNameOf.adultHandoverSummary,
    purpose:
      'This summary hands over to adult services (probation, the Personal Adviser and others) what the youth justice team learned about working well with the young person: what the formulation found, what works, what triggers difficulty, whom they trust and what to avoid.',
  },
};
