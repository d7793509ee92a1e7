import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { replay, withBallotBox } from '../../src/core/index.js';
import { checkEvents, checkMeeting, exportMeeting, importMeeting, RecordError, type MeetingRecord } from '../../server/record.js';
import { SqliteEventStore } from '../../server/sqlite-event-store.js';
import { testMeeting } from '../helpers/meeting.js';
import { TestServer } from '../helpers/server.js';
import { WsPeer } from '../helpers/ws-peer.js';

describe('the meeting record: check, export, import', () => {
  let server: TestServer;
  let record: MeetingRecord;
  const dir = mkdtempSync(join(tmpdir(), 'party-record-'));
  before(async () => {
    // A real meeting through the real server, with a secret ballot in it.
    server = await TestServer.start();
    const peers = await Promise.all(
      (['chair', 'full-a', 'full-b'] as const).map(async (id) => (await WsPeer.join(server.url, await server.token(id, id === 'chair' ? 'chair' : 'member'))).peer),
    );
    const [chair] = peers;
    let n = 0;
    const run = async (peer: WsPeer, command: object) => {
      const id = `r${++n}`;
      peer.send({ type: 'command', id, command });
      assert.equal((await peer.next((m) => m.id === id)).type, 'ack');
    };
    await run(chair!, { type: 'open-meeting' });
    for (const memberId of ['chair', 'full-a', 'full-b']) await run(chair!, { type: 'mark-attendance', memberId, mark: 'present-online' });
    await run(chair!, { type: 'create-motion', motion: { id: 's1', title: 'Phiếu kín', ballot: 'secret', threshold: 'majority', tags: ['resolution'] } });
    await run(chair!, { type: 'open-vote', motionId: 's1' });
    for (const [i, choice] of ['agree', 'agree', 'disagree'].entries()) await run(peers[i]!, { type: 'cast-ballot', motionId: 's1', choice });
    for (const peer of peers) peer.close();
    await server.server.close();
    const store = new SqliteEventStore(join(server.dir, 'events.sqlite'));
    record = await exportMeeting(store, testMeeting.id);
    await store.close();
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(server.dir, { recursive: true, force: true });
  });

  it('finds nothing wrong with a log the server wrote', () => {
    assert.deepEqual(checkEvents(record.meetingId, record.events, record.ballotBox), []);
    assert.deepEqual(record.ballotBox, { s1: { agree: 2, disagree: 1, other: 0 } });
  });

  it('imports an export into another store with the same state and the same sealed counts', async () => {
    const store = new SqliteEventStore(join(dir, 'imported.sqlite'));
    assert.deepEqual(await importMeeting(store, JSON.parse(JSON.stringify(record))), { meetingId: testMeeting.id, events: record.events.length });
    assert.deepEqual(await checkMeeting(store, testMeeting.id), []);
    const again = await exportMeeting(store, testMeeting.id);
    assert.deepEqual(again.events, record.events);
    const state = (r: MeetingRecord) => withBallotBox(replay(r.events.map((e) => e.event)), r.ballotBox);
    assert.deepEqual(state(again), state(record));
    await assert.rejects(importMeeting(store, record), (e: RecordError) => /exists in this store already/.test(e.message));
    await store.close();
  });

  it('names every problem of a damaged record and imports nothing of it', async () => {
    const gap = { ...record, events: record.events.filter((e) => e.seq !== 3) };
    const forged = { ...record, ballotBox: { s1: { agree: 3, disagree: 1, other: 0 } } };
    const broken = { ...record, events: record.events.map((e) => (e.seq === 2 ? { seq: 2, event: { type: 'participant-joined' } } : e)) };
    const foreign = { ...record, meetingId: 'another-meeting' };
    assert.match(checkEvents(gap.meetingId, gap.events, gap.ballotBox)[0]!.problem, /sequence number 4 where 3 was expected/);
    assert.match(checkEvents(forged.meetingId, forged.events, forged.ballotBox)[0]!.problem, /4 sealed ballot\(s\) for 3 secret ballot\(s\) cast/);
    assert.match(checkEvents(broken.meetingId, broken.events as MeetingRecord['events'], broken.ballotBox)[0]!.problem, /not a valid event/);
    assert.match(checkEvents(foreign.meetingId, foreign.events, foreign.ballotBox)[0]!.problem, /must create meeting another-meeting/);
    const store = new SqliteEventStore(join(dir, 'refused.sqlite'));
    for (const bad of [gap, forged, broken, foreign, { format: 'something else' }]) await assert.rejects(importMeeting(store, bad), RecordError);
    assert.deepEqual(await store.meetingIds(), []);
    await store.close();
  });

  it('checks, exports and imports from the command line', () => {
    const env = { ...process.env, DATA_DIR: server.dir, DATABASE_URL: '' };
    const script = ['--import', 'tsx', 'scripts/record.ts'];
    assert.match(execFileSync(process.execPath, [...script, 'check'], { env }).toString(), new RegExp(`${testMeeting.id}: ok`));
    const exported = execFileSync(process.execPath, [...script, 'export', testMeeting.id], { env }).toString();
    assert.deepEqual(JSON.parse(exported).events, record.events);
    const target = { ...process.env, DATA_DIR: join(dir, 'cli'), DATABASE_URL: '' };
    const imported = spawnSync(process.execPath, [...script, 'import'], { env: target, input: exported });
    assert.equal(imported.status, 0, imported.stderr.toString());
    assert.match(execFileSync(process.execPath, [...script, 'check'], { env: target }).toString(), /: ok/);
    const refused = spawnSync(process.execPath, [...script, 'import'], { env: target, input: exported });
    assert.equal(refused.status, 2);
    assert.match(refused.stderr.toString(), /exists in this store already/);
    // A whole-store backup opens as a store with the same meeting.
    const copy = join(dir, 'backup', 'events.sqlite');
    mkdirSync(join(dir, 'backup'));
    execFileSync(process.execPath, [...script, 'backup', copy], { env });
    assert.match(execFileSync(process.execPath, [...script, 'check', testMeeting.id], { env: { ...env, DATA_DIR: join(dir, 'backup') } }).toString(), /: ok/);
  });
});
