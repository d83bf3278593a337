import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TERMS_VERSION } from '../../src/domain/team.js';
import { activeCase } from '../support/factories.js';
import { openEventStream } from '../support/eventStream.js';
import { type Api, startTestServer, type TestServer } from '../support/testSystem.js';

const HOUR = 3_600_000;

describe('the attendance register', () => {
  let t: TestServer;
  let amy: Api;
  let sam: Api;
  let jo: Api;
  let caseId: string;
  let meetingId: string;
  const at = (ms: number) => new Date(t.clock.now().getTime() + ms).toISOString();
  const url = () => `/api/v1/cases/${caseId}/meetings/${meetingId}/attendance`;

  beforeAll(async () => {
    t = await startTestServer();
    [amy, sam, jo] = (await Promise.all(['yjs-amy', 'ecm-sam', 'police-jo'].map((id) => t.signIn(id)))) as [Api, Api, Api];
    caseId = await activeCase(amy);
    for (const [staffId, agency] of [
      ['police-jo', 'police'],
      ['sw-mark', 'social_care'],
    ]) {
      expect((await sam.post(`/api/v1/cases/${caseId}/team`, { staffId, agency, caseRole: 'partner' })).status).toBe(201);
    }
    expect((await jo.post(`/api/v1/cases/${caseId}/terms-acceptance`, { termsVersion: TERMS_VERSION })).status).toBe(201);
    const m = await sam.post(`/api/v1/cases/${caseId}/meetings`, {
      kind: 'consultation',
      startsAt: at(HOUR),
      endsAt: at(2 * HOUR),
      attendeeIds: ['yjs-amy', 'police-jo'],
    });
    meetingId = m.body.id;
  });
  afterAll(() => t.close());

  it('is taken once the meeting has started', async () => {
    const res = await sam.put(url(), { marks: [{ staffId: 'yjs-amy', mark: 'present' }] });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toBe('The register is taken once the meeting has started.');
  });

  it('records who was present, who sent apologies and who did not come, apart from the replies, and shows it live', async () => {
    t.clock.set(at(HOUR + 5 * 60_000));
    [amy, sam, jo] = (await Promise.all(['yjs-amy', 'ecm-sam', 'police-jo'].map((id) => t.signIn(id)))) as [Api, Api, Api];
    const stream = await openEventStream(jo, caseId);
    const res = await sam.put(url(), {
      marks: [
        { staffId: 'yjs-amy', mark: 'present' },
        { staffId: 'police-jo', mark: 'apologies' },
        // Mark came though not invited: he is on the case team.
        { staffId: 'sw-mark', mark: 'present' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.marks.map((m: any) => [m.staffId, m.mark, m.agency])).toEqual([
      ['yjs-amy', 'present', 'youth_justice'],
      ['sw-mark', 'present', 'social_care'],
      ['police-jo', 'apologies', 'police'],
    ]);
    expect(res.body.agencies.sort()).toEqual(['social_care', 'youth_justice']);
    expect((await stream.next('meeting.updated')).data.data.id).toBe(meetingId);
    await stream.close();
    const meeting = await sam.get(`/api/v1/cases/${caseId}/meetings/${meetingId}`);
    expect(meeting.body.attendees.find((a: any) => a.staffId === 'police-jo').response).toBe('none');
    const changed = await sam.put(url(), { marks: [{ staffId: 'police-jo', mark: 'present' }] });
    expect(changed.body.agencies.sort()).toEqual(['police', 'social_care', 'youth_justice']);
    expect((await jo.get(url())).body.marks).toHaveLength(3);
  });

  it('refuses a mark for someone neither invited nor on the team, and stores nothing', async () => {
    const before = (await sam.get(url())).body;
    const res = await sam.put(url(), {
      marks: [
        { staffId: 'yjs-amy', mark: 'absent' },
        { staffId: 'school-ruth', mark: 'present' },
      ],
    });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toBe('Only people invited to this meeting, or on the case team, can be marked in its register.');
    expect((await sam.get(url())).body).toEqual(before);
    expect((await sam.put(url(), { marks: [{ staffId: 'yjs-amy', mark: 'late' }] })).status).toBe(400);
  });

  it('a partner reads the register but does not take it', async () => {
    expect((await jo.put(url(), { marks: [{ staffId: 'police-jo', mark: 'present' }] })).status).toBe(403);
  });
});
