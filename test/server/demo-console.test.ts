import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { MeetingListResponse, PilotReport } from '../../src/client/api-types.js';
import { vietnamParts } from '../../src/core/index.js';
import { seedDemoConsole } from '../../server/demo-console.js';
import { silentLog } from '../../server/log.js';
import { ApiTestServer } from '../helpers/api.js';
import { SECRET } from '../helpers/server.js';

describe('the demo console’s data (/cap-tren)', () => {
  let api: ApiTestServer;
  before(async () => {
    api = await ApiTestServer.start();
  });
  after(() => api.stop());

  it('registers two cells, holds three meetings through the REST API, and gives a token for their unit only', async () => {
    const seeded = await seedDemoConsole(api.server.server, SECRET, silentLog);
    assert.equal(seeded.parentId, 'dang-bo-vnpt-yen-bai');
    const claims = await api.admins.verify(seeded.token);
    assert.deepEqual(claims.units, ['dang-bo-vnpt-yen-bai']);
    const listed = await api.request('GET', '/api/meetings', { token: seeded.token });
    const meetings = (listed.json as unknown as MeetingListResponse).meetings;
    assert.deepEqual(meetings.map((m) => m.phase).sort(), ['closed', 'closed', 'closed', 'scheduled']);
    // The report's lines are written in the background when each meeting closes; the meetings may span a new year.
    const years = [...new Set(meetings.filter((m) => m.phase === 'closed').map((m) => vietnamParts(m.scheduledAt).year))];
    const reported = async () =>
      (await Promise.all(years.map((y) => api.request('GET', `/api/reports/pilot?year=${y}`, { token: seeded.token })))).flatMap((a) => (a.json as unknown as PilotReport).meetings);
    let rows = await reported();
    for (let i = 0; i < 50 && rows.length < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      rows = await reported();
    }
    assert.equal(rows.length, 3);
    assert.ok(rows.some((m) => !m.durationMet), 'one meeting is shorter than the minimum');
    const assessment = await api.request('GET', `/api/meetings/${seeded.assessedMeetingId}/assessment`, { token: seeded.token });
    assert.equal(assessment.json['phase'], 'closed');
  });

  it('adds nothing when the demo starts again on the same registry', async () => {
    const before = ((await api.request('GET', '/api/meetings')).json as unknown as MeetingListResponse).meetings.length;
    await seedDemoConsole(api.server.server, SECRET, silentLog);
    const afterwards = ((await api.request('GET', '/api/meetings')).json as unknown as MeetingListResponse).meetings.length;
    assert.equal(afterwards, before);
  });
});
