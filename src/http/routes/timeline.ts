import { Router } from 'express';
import { addTimelineEntry } from '../../app/timeline/addTimelineEntry.js';
import { answerTimelineQuestion } from '../../app/timeline/answerTimelineQuestion.js';
import { askTimelineQuestion } from '../../app/timeline/askTimelineQuestion.js';
import { listTimelineQuestions } from '../../app/timeline/listTimelineQuestions.js';
import type { AppDeps } from '../../app/deps.js';
import { editTimelineEntry } from '../../app/timeline/editTimelineEntry.js';
import { liftEntryRestriction } from '../../app/timeline/liftEntryRestriction.js';
import { listTimeline } from '../../app/timeline/listTimeline.js';
import { restrictTimelineEntry } from '../../app/timeline/restrictTimelineEntry.js';
import { retractTimelineEntry } from '../../app/timeline/retractTimelineEntry.js';
import { searchTimeline } from '../../app/timeline/searchTimeline.js';
import { showEntryHistory } from '../../app/timeline/showEntryHistory.js';
import { showTimelineCoverage } from '../../app/timeline/showTimelineCoverage.js';
import { principal } from '../auth.js';
import { expectedVersion, sendVersioned } from '../etag.js';

/** The life timeline: in life order, added to, edited with history, retracted but never deleted. */
export function timelineRoutes(deps: AppDeps): Router {
  const r = Router();

  r.get('/cases/:caseId/timeline', async (req, res) => {
    res.json(await listTimeline(deps, principal(res), req.params.caseId, req.query));
  });

  r.get('/cases/:caseId/timeline/search', async (req, res) => {
    res.json(await searchTimeline(deps, principal(res), req.params.caseId, req.query));
  });

  r.get('/cases/:caseId/timeline/coverage', async (req, res) => {
    res.json(await showTimelineCoverage(deps, principal(res), req.params.caseId));
  });

  // The jigsaw's questions to agencies: asked by the chair, answered by the agency (with entries, or "nothing held").
  r.get('/cases/:caseId/timeline/questions', async (req, res) => {
    res.json(await listTimelineQuestions(deps, principal(res), req.params.caseId, req.query));
  });

  r.post('/cases/:caseId/timeline/questions', async (req, res) => {
    const question = await askTimelineQuestion(deps, principal(res), req.params.caseId, req.body);
    res.location(`/api/v1/cases/${question.caseId}/timeline/questions/${question.id}`);
    sendVersioned(res, question, 201);
  });

  r.post('/cases/:caseId/timeline/questions/:questionId/answer', async (req, res) => {
    sendVersioned(res, await answerTimelineQuestion(deps, principal(res), req.params.caseId, req.params.questionId, req.body, expectedVersion(req)));
  });

  r.post('/cases/:caseId/timeline', async (req, res) => {
    const entry = await addTimelineEntry(deps, principal(res), req.params.caseId, req.body);
    res.location(`/api/v1/cases/${entry.caseId}/timeline/${entry.id}`);
    sendVersioned(res, entry, 201);
  });

  r.put('/cases/:caseId/timeline/:entryId', async (req, res) => {
    sendVersioned(res, await editTimelineEntry(deps, principal(res), req.params.caseId, req.params.entryId, req.body, expectedVersion(req)));
  });

  r.post('/cases/:caseId/timeline/:entryId/retraction', async (req, res) => {
    sendVersioned(res, await retractTimelineEntry(deps, principal(res), req.params.caseId, req.params.entryId, req.body, expectedVersion(req)));
  });

  // Restricted entries: the text kept to the ECM team, the psychologist and the entry's agency; a reason each way.
  r.post('/cases/:caseId/timeline/:entryId/restriction', async (req, res) => {
    sendVersioned(res, await restrictTimelineEntry(deps, principal(res), req.params.caseId, req.params.entryId, req.body, expectedVersion(req)));
  });

  r.post('/cases/:caseId/timeline/:entryId/restriction/lift', async (req, res) => {
    sendVersioned(res, await liftEntryRestriction(deps, principal(res), req.params.caseId, req.params.entryId, req.body, expectedVersion(req)));
  });

  r.get('/cases/:caseId/timeline/:entryId/history', async (req, res) => {
    res.json({ items: await showEntryHistory(deps, principal(res), req.params.caseId, req.params.entryId) });
  });

  return r;
}
