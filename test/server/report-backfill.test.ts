/**
 * The pilot report's backfill (issue 8): meetings closed without a report
 * line (before the report tables existed, or imported) get theirs from their
 * logs; a second run writes nothing; `--all` writes every line again and the
 * assessments' scores stay. Against SQLite and a throw-away PostgreSQL, and
 * through `scripts/record.ts report-backfill`.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it as test } from 'node:test';
import { decide, evolve, type Actor, type Command, type MeetingDefinition, type MeetingEvent, type MeetingState } from '../../src/core/index.js';
import type { EventStore } from '../../server/event-store.js';
import { PostgresEventStore } from '../../server/postgres-event-store.js';
import { PostgresRegistryStore } from '../../server/postgres-registry-store.js';
import type { RegistryStore } from '../../server/registry-store.js';
import { exportMeeting } from '../../server/record.js';
import { backfillReports } from '../../server/report-backfill.js';
import { SqliteEventStore } from '../../server/sqlite-event-store.js';
import { SqliteRegistryStore } from '../../server/sqlite-registry-store.js';
import { testMeeting } from '../helpers/meeting.js';
import { startPostgres, type TestPostgres } from '../helpers/postgres.js';

const chair: Actor = { participantId: 'chair', role: 'chair' };
const at = (minutes: number) => new Date(Date.parse('2026-03-10T12:30:00.000Z') + minutes * 60_000).toISOString();

/** A meeting's log: created, then each command at its minute after 19:30 on 10/03/2026 (Vietnam time). */
function logOf(definition: MeetingDefinition, steps: Array<[number, Command]>): MeetingEvent[] {
  const log: MeetingEvent[] = [{ type: 'meeting-created', at: at(-60), meeting: definition }];
  let state: MeetingState = evolve(undefined, log[0]!);
  for (const [minute, command] of steps) {
    const decision = decide(state, command, chair, at(minute));
    if ('rejection' in decision) throw new Error(`${command.type}: ${decision.rejection.message}`);
    for (const event of decision.events) {
      state = evolve(state, event);
      log.push(event);
    }
  }
  return log;
}

const held = (id: string, cellId = testMeeting.cell.id) =>
  logOf({ ...testMeeting, id, cell: { ...testMeeting.cell, id: cellId } }, [
    [0, { type: 'open-meeting' }],
    [1, { type: 'mark-attendance', memberId: 'chair', mark: 'present-online' }],
    [2, { type: 'mark-attendance', memberId: 'full-a', mark: 'present-online' }],
    [3, { type: 'mark-attendance', memberId: 'full-b', mark: 'absent-without-reason' }],
    [95, { type: 'close-meeting' }],
  ]);

function backfillContract(name: string, open: (name: string) => Promise<{ store: EventStore; registry: RegistryStore }>, skip?: () => string | undefined) {
  describe(`${name}: report-backfill`, () => {
    const it = (title: string, body: () => Promise<void>) => test(title, (t) => (skip?.() ? t.skip(skip()) : body()));

    it('writes the lines of closed meetings that have none, in their unit; skips meetings still open; a second run writes nothing', async () => {
      const { store, registry } = await open('first');
      await registry.createCell({ id: 'cb-ghi-bu', name: 'Chi bộ Ghi bù', unitKind: 'cell', parentId: 'duk', parentName: 'Đảng ủy Khối', cannotMeetInPerson: [], members: testMeeting.cell.members, createdAt: at(-600) });
      await store.append('old-1', held('old-1'));
      await store.append('old-2', held('old-2', 'cb-ghi-bu'));
      await store.append('open-1', logOf({ ...testMeeting, id: 'open-1' }, [[0, { type: 'open-meeting' }]]));
      const first = await backfillReports(store, registry);
      assert.deepEqual(first, { written: ['old-1', 'old-2'], present: 0, notClosed: 1 });

      const lines = await registry.reportMeetings({ year: 2026 });
      assert.deepEqual(
        lines.map((l) => [l.meetingId, l.cellId, l.parentId, l.month, l.membersCounted, l.present, l.absentWithoutReason, l.durationMinutes, l.durationMet]),
        [
          ['old-1', 'test-cell', undefined, 3, 4, 2, 1, 95, true],
          ['old-2', 'cb-ghi-bu', 'duk', 3, 4, 2, 1, 95, true],
        ],
      );
      assert.deepEqual((await registry.reportMeetings({ year: 2026, unit: 'duk' })).map((l) => l.meetingId), ['old-2'], 'placed in its unit');
      assert.deepEqual(await backfillReports(store, registry), { written: [], present: 2, notClosed: 1 }, 'idempotent');
      await store.close();
      await registry.close();
    });

    it('--all writes every line again, and the assessments’ mean score stays', async () => {
      const { store, registry } = await open('rewrite');
      await store.append('old-3', held('old-3'));
      await backfillReports(store, registry);
      await registry.recordAssessment({ meetingId: 'old-3', delegateId: 'delegate', strengths: 'Tốt', limitations: '', lessons: '', score: 82, recordedAt: at(200), recordedBy: 'portal' });
      assert.equal((await registry.reportMeetings({ year: 2026 }))[0]!.score, 82);
      assert.deepEqual(await backfillReports(store, registry, { rewrite: true }), { written: ['old-3'], present: 0, notClosed: 0 });
      const [line] = await registry.reportMeetings({ year: 2026 });
      assert.deepEqual([line!.meetingId, line!.assessments, line!.score, line!.present], ['old-3', 1, 82, 2]);
      assert.deepEqual(await backfillReports(store, registry, { meetingIds: ['nope'] }), { written: [], present: 0, notClosed: 0 }, 'a meeting without a log is passed over');
      await store.close();
      await registry.close();
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'party-backfill-'));
after(() => rmSync(dir, { recursive: true, force: true }));
backfillContract('SQLite', (name) =>
  Promise.resolve({ store: new SqliteEventStore(join(dir, `${name}-events.sqlite`)), registry: new SqliteRegistryStore(join(dir, `${name}-registry.sqlite`)) }),
);

let pg: TestPostgres | { skipped: string } = { skipped: 'PostgreSQL not started yet' };
before(async () => {
  pg = await startPostgres();
  if ('skipped' in pg) console.log(pg.skipped);
});
after(() => {
  if ('stop' in pg) pg.stop();
});
backfillContract(
  'PostgreSQL',
  async (schema) => {
    const url = 'url' in pg ? pg.url : '';
    return { store: await PostgresEventStore.open({ url, schema: `ev_${schema}` }), registry: await PostgresRegistryStore.open({ url, schema: `reg_${schema}` }) };
  },
  () => ('skipped' in pg ? pg.skipped : undefined),
);

describe('scripts/record.ts report-backfill', () => {
  test('writes the missing lines of the server’s store (SQLite in DATA_DIR) and says what it did', async () => {
    const data = join(dir, 'cli');
    const store = new SqliteEventStore(join(data, 'events.sqlite'));
    await store.append('old-cli', held('old-cli'));
    await store.close();
    const env = { ...process.env, DATA_DIR: data, DATABASE_URL: '' };
    const run = (...args: string[]) => execFileSync(process.execPath, ['--import', 'tsx', 'scripts/record.ts', 'report-backfill', ...args], { env }).toString();
    assert.equal(run(), 'old-cli: report line written\nreport lines written: 1; already there: 0; meetings not closed: 0\n');
    assert.equal(run(), 'report lines written: 0; already there: 1; meetings not closed: 0\n');
    assert.match(run('--all'), /report lines written: 1; already there: 0/);
    const registry = new SqliteRegistryStore(join(data, 'registry.sqlite'));
    assert.deepEqual((await registry.reportMeetings({ year: 2026 })).map((l) => l.meetingId), ['old-cli']);
    await registry.close();
  });

  test('import writes the report line of a closed meeting it brings in, and none for one still open', async () => {
    const source = new SqliteEventStore(join(dir, 'import-source.sqlite'));
    await source.append('moved-closed', held('moved-closed'));
    await source.append('moved-open', logOf({ ...testMeeting, id: 'moved-open' }, [[0, { type: 'open-meeting' }]]));
    const records = await Promise.all(['moved-closed', 'moved-open'].map((id) => exportMeeting(source, id)));
    await source.close();
    const data = join(dir, 'cli-import');
    const env = { ...process.env, DATA_DIR: data, DATABASE_URL: '' };
    const importing = (record: unknown) =>
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/record.ts', 'import'], { env, input: JSON.stringify(record) }).toString();
    assert.match(importing(records[0]), /^imported moved-closed: \d+ events\nmoved-closed: report line written\n$/);
    assert.match(importing(records[1]), /^imported moved-open: \d+ events\nmoved-open: not closed, no report line yet\n$/);
    const registry = new SqliteRegistryStore(join(data, 'registry.sqlite'));
    assert.deepEqual((await registry.reportMeetings({ year: 2026 })).map((l) => l.meetingId), ['moved-closed']);
    await registry.close();

    // A registry that cannot be opened (here a folder where its file should be): the record is in all the same, and the person is told how to finish.
    const broken = join(dir, 'cli-import-broken');
    mkdirSync(join(broken, 'registry.sqlite'), { recursive: true });
    const env2 = { ...process.env, DATA_DIR: broken, DATABASE_URL: '' };
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/record.ts', 'import'], { env: env2, input: JSON.stringify(records[0]) });
    assert.equal(result.status, 1);
    assert.match(result.stdout.toString(), /^imported moved-closed: \d+ events\n$/);
    assert.match(result.stderr.toString(), /moved-closed: imported, but its pilot-report line could not be written \(.+\); run: record\.ts report-backfill moved-closed/);
    const check = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/record.ts', 'check'], { env: env2 }).toString();
    assert.equal(check, 'moved-closed: ok\n');
  });
});
