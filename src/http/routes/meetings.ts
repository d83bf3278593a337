import { Router } from 'express';
import { cancelMeeting } from '../../app/meetings/cancelMeeting.js';
import type { AppDeps } from '../../app/deps.js';
import { listMeetings, meetingInvitationFile, showMeeting } from '../../app/meetings/listMeetings.js';
import { addMeetingNote } from '../../app/meetings/addMeetingNote.js';
import { listMeetingNotes } from '../../app/meetings/listMeetingNotes.js';
import { recordAttendance } from '../../app/meetings/recordAttendance.js';
import { recordHeldMeeting } from '../../app/meetings/recordHeldMeeting.js';
import { showAttendance } from '../../app/meetings/showAttendance.js';
import { recordMeetingOutcome } from '../../app/meetings/recordMeetingOutcome.js';
import { respondToMeeting } from '../../app/meetings/respondToMeeting.js';
import { scheduleMeeting } from '../../app/meetings/scheduleMeeting.js';
import { principal } from '../auth.js';
import { expectedVersion, sendVersioned } from '../etag.js';

/** Formulation, review and consultation meetings: scheduled, answered, held, cancelled. */
export function meetingRoutes(deps: AppDeps): Router {
  const r = Router();

  r.get('/cases/:caseId/meetings', async (req, res) => {
    res.json({ items: await listMeetings(deps, principal(res), req.params.caseId) });
  });

  r.post('/cases/:caseId/meetings', async (req, res) => {
    // A meeting that already happened is recorded with its outcome; any other is scheduled.
    const held = typeof req.body === 'object' && req.body !== null && (req.body as { status?: unknown }).status === 'held';
    const m = await (held ? recordHeldMeeting : scheduleMeeting)(deps, principal(res), req.params.caseId, req.body);
    res.location(`/api/v1/cases/${m.caseId}/meetings/${m.id}`);
    sendVersioned(res, m, 201);
  });

  r.get('/cases/:caseId/meetings/:meetingId', async (req, res) => {
    sendVersioned(res, await showMeeting(deps, principal(res), req.params.caseId, req.params.meetingId));
  });

  r.get('/cases/:caseId/meetings/:meetingId/invitation.ics', async (req, res) => {
    const { fileName, ics } = await meetingInvitationFile(deps, principal(res), req.params.caseId, req.params.meetingId);
    res.type('text/calendar').attachment(fileName).send(ics);
  });

  r.post('/cases/:caseId/meetings/:meetingId/response', async (req, res) => {
    sendVersioned(res, await respondToMeeting(deps, principal(res), req.params.caseId, req.params.meetingId, req.body));
  });

  r.post('/cases/:caseId/meetings/:meetingId/outcome', async (req, res) => {
    sendVersioned(res, await recordMeetingOutcome(deps, principal(res), req.params.caseId, req.params.meetingId, req.body, expectedVersion(req)));
  });

  r.get('/cases/:caseId/meetings/:meetingId/attendance', async (req, res) => {
    res.json(await showAttendance(deps, principal(res), req.params.caseId, req.params.meetingId));
  });

  r.put('/cases/:caseId/meetings/:meetingId/attendance', async (req, res) => {
    res.json(await recordAttendance(deps, principal(res), req.params.caseId, req.params.meetingId, req.body));
  });

  r.get('/cases/:caseId/meetings/:meetingId/notes', async (req, res) => {
    res.json({ items: await listMeetingNotes(deps, principal(res), req.params.caseId, req.params.meetingId) });
  });

  r.post('/cases/:caseId/meetings/:meetingId/notes', async (req, res) => {
    res.status(201).json(await addMeetingNote(deps, principal(res), req.params.caseId, req.params.meetingId, req.body));
  });

  r.post('/cases/:caseId/meetings/:meetingId/cancellation', async (req, res) => {
    sendVersioned(res, await cancelMeeting(deps, principal(res), req.params.caseId, req.params.meetingId, expectedVersion(req)));
  });

  return r;
}
