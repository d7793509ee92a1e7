/**
 * The pilot report's part of the RegistryStore contract (cell listing,
 * definitions updated by assignment, report lines written at close and the
 * SQL aggregates over them), run against SQLite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it as test } from 'node:test';
import type { AttendanceMark, MeetingMode, Member } from '../../src/core/index.js';
import { PostgresRegistryStore } from '../../server/postgres-registry-store.js';
import type { CellRecord, MeetingReportEntry, RegistryStore, ScheduledMeeting } from '../../server/registry-store.js';
import { SqliteRegistryStore } from '../../server/sqlite-registry-store.js';
import { testMeeting } from '../helpers/meeting.js';
import { startPostgres, type TestPostgres } from '../helpers/postgres.js';

const members: Member[] = [
  { id: 'a', name: 'Nguyễn Văn A', status: 'full' },
  { id: 'b', name: 'Trần Thị B', status: 'full' },
  { id: 'c', name: 'Lê Văn C', status: 'probationary' },
];

const cell = (id: string, name: string, parentId?: string, unitKind: CellRecord['unitKind'] = 'cell'): CellRecord => ({
  id,
  name,
  unitKind,
  ...(parentId ? { parentId, parentName: `Đảng bộ ${parentId}` } : {}),
  cannotMeetInPerson: [],
  members,
  createdAt: '2026-01-05T02:00:00.000Z',
});

const scheduled = (id: string, cellId: string, scheduledAt: string, mode: MeetingMode, parentId?: string): ScheduledMeeting => ({
  id,
  cellId,
  ...(parentId ? { parentId } : {}),
  title: `Họp ${id}`,
  scheduledAt,
  kind: 'regular',
  mode,
  definition: { ...testMeeting, id, scheduledAt, mode },
  createdAt: '2026-01-05T02:00:00.000Z',
});

/** A report line: marks by member id ('-' for a member not called). */
function line(meetingId: string, cellId: string, heldAt: string, marks: Record<string, AttendanceMark | '-'>, extra: Partial<MeetingReportEntry> = {}): MeetingReportEntry {
  const month = Number(heldAt.slice(5, 7));
  const roll = members.map((m) => {
    const mark = marks[m.id] ?? 'unmarked';
    const present = mark === 'present-online' || mark === 'present-in-person';
    return { memberId: m.id, name: m.name, mark: mark === '-' ? ('exempt' as const) : mark, counted: mark !== '-', present };
  });
  const counted = roll.filter((m) => m.counted);
  return {
    meetingId,
    cellId,
    cellName: `Chi bộ ${cellId}`,
    title: `Họp ${meetingId}`,
    scheduledAt: heldAt,
    heldAt,
    year: Number(heldAt.slice(0, 4)),
    month,
    kind: 'regular',
    mode: 'hybrid',
    membersCounted: counted.length,
    present: counted.filter((m) => m.present).length,
    presentInPerson: counted.filter((m) => m.mark === 'present-in-person').length,
    presentOnline: counted.filter((m) => m.mark === 'present-online').length,
    absentWithReason: counted.filter((m) => m.mark === 'absent-with-reason').length,
    absentWithoutReason: counted.filter((m) => m.mark === 'absent-without-reason').length,
    durationMinutes: 95,
    requiredMinutes: 90,
    durationMet: true,
    members: roll,
    ...extra,
  };
}

const assessment = (meetingId: string, delegateId: string, score?: number) => ({
  meetingId,
  delegateId,
  strengths: 'Tốt',
  limitations: '',
  lessons: '',
  ...(score !== undefined ? { score } : {}),
  recordedAt: '2026-03-02T09:00:00.000Z',
  recordedBy: 'portal',
});

function reportContract(name: string, open: (name: string) => Promise<RegistryStore>, skip?: () => string | undefined) {
  describe(`${name} registry store: the upper level's console and the pilot report`, () => {
    let n = 0;
    const fresh = () => `report_${++n}`;
    const it = (title: string, body: () => Promise<void>) => test(title, (t) => (skip?.() ? t.skip(skip()) : body()));

    it('lists the cells of a scope without rosters, by name, with their counts', async () => {
      const store = await open(fresh());
      await store.createCell(cell('c2', 'Chi bộ B', 'p1', 'base-committee'));
      await store.createCell(cell('c1', 'Chi bộ A', 'p1'));
      await store.createCell(cell('c3', 'Chi bộ C', 'p2'));
      const ids = async (query: Parameters<RegistryStore['cells']>[0]) => (await store.cells(query)).map((c) => c.id);
      assert.deepEqual(await ids({}), ['c1', 'c2', 'c3']);
      assert.deepEqual(await ids({ unit: 'p1' }), ['c1', 'c2']);
      assert.deepEqual(await ids({ units: ['c3', 'p1'] }), ['c1', 'c2', 'c3']);
      assert.deepEqual(await ids({ units: ['p2'], unit: 'c3' }), ['c3']);
      assert.deepEqual(await ids({ units: [] }), []);
      const [c2] = await store.cells({ unit: 'c2' });
      assert.deepEqual(c2, { id: 'c2', name: 'Chi bộ B', unitKind: 'base-committee', parentId: 'p1', parentName: 'Đảng bộ p1', counts: { members: 3, full: 2, probationary: 1 } });
      await store.close();
    });

    it('replaces a scheduled meeting’s definition (delegates assigned later), and only an existing one', async () => {
      const store = await open(fresh());
      await store.scheduleMeeting(scheduled('m1', 'c1', '2026-03-10T08:00:00Z', 'hybrid', 'p1'));
      const before = (await store.meeting('m1'))!;
      const definition = { ...before.definition, delegates: [...before.definition.delegates, { id: 'son', name: 'Đặng Văn Sơn' }] };
      assert.equal(await store.updateMeetingDefinition('m1', definition), true);
      assert.equal(await store.updateMeetingDefinition('nope', definition), false);
      const after = (await store.meeting('m1'))!;
      assert.deepEqual(after.definition.delegates.map((d) => d.id), ['delegate', 'son']);
      assert.deepEqual({ ...after, definition: before.definition }, before, 'nothing else changed');
      await store.close();
    });

    it('writes many lines in one batch (a backfill): the last line of a meeting wins, assessments already given count', async () => {
      const store = await open(fresh());
      await store.recordAssessment(assessment('b2', 'd1', 70));
      await store.recordMeetingReports([
        { ...line('b1', 'c1', '2026-05-10T08:00:00Z', { a: 'absent-without-reason', b: 'present-online' }), parentId: 'p1' },
        { ...line('b2', 'c1', '2026-06-10T08:00:00Z', { a: 'present-online' }), parentId: 'p1' },
        { ...line('b1', 'c1', '2026-05-10T08:00:00Z', { a: 'present-online', b: 'present-online', c: '-' }), parentId: 'p1' },
      ]);
      await store.recordMeetingReports([]);
      const meetings = await store.reportMeetings({ year: 2026, unit: 'p1' });
      assert.deepEqual(meetings.map((m) => [m.meetingId, m.present, m.membersCounted, m.absenteesWithoutReason.length, m.assessments, m.score]), [
        ['b1', 2, 2, 0, 0, null],
        ['b2', 1, 3, 0, 1, 70],
      ]);
      const members = await store.reportMembers({ year: 2026, unit: 'c1' });
      assert.deepEqual(members.map((m) => [m.memberId, m.meetings, m.present]), [['a', 2, 2], ['b', 2, 1], ['c', 1, 0]]);
      // A correction that moves a meeting to another year takes its members' lines along.
      await store.recordMeetingReports([{ ...line('b3', 'c1', '2027-01-10T08:00:00Z', { a: 'absent-without-reason' }), parentId: 'p1' }]);
      assert.deepEqual((await store.reportMembers({ year: 2027, unit: 'c1' })).map((m) => [m.memberId, m.meetings]), [['a', 1], ['b', 1], ['c', 1]]);
      await store.recordMeetingReports([{ ...line('b3', 'c1', '2026-12-10T08:00:00Z', { a: 'absent-without-reason' }), parentId: 'p1' }]);
      assert.deepEqual(await store.reportMembers({ year: 2027, unit: 'c1' }), []);
      assert.deepEqual((await store.reportMembers({ year: 2026, unit: 'c1' })).map((m) => [m.memberId, m.meetings]), [['a', 3], ['b', 3], ['c', 2]]);
      await store.close();
    });

    it('aggregates a year per cell, per meeting and per member, within the scope, in SQL over the lines written at close', async () => {
      const store = await open(fresh());
      await store.createCell(cell('c1', 'Chi bộ A', 'p1'));
      await store.createCell(cell('c2', 'Chi bộ B', 'p1', 'base-committee'));
      await store.createCell(cell('c3', 'Chi bộ C', 'p2'));
      for (const [id, cellId, at, mode, parent] of [
        ['s1', 'c1', '2026-01-10T08:00:00Z', 'online', 'p1'],
        ['s2', 'c1', '2026-02-10T08:00:00Z', 'hybrid', 'p1'],
        ['s3', 'c1', '2026-03-10T08:00:00Z', 'in-person', 'p1'],
        ['s4', 'c1', '2027-01-10T08:00:00Z', 'online', 'p1'],
        ['s5', 'c3', '2026-01-10T08:00:00Z', 'online', 'p2'],
      ] as const) {
        await store.scheduleMeeting(scheduled(id, cellId, at, mode, parent));
      }
      // An assessment recorded before the line is written counts too.
      await store.recordAssessment(assessment('s1', 'd1', 80));
      await store.recordMeetingReport({ ...line('s1', 'c1', '2026-01-10T08:00:00Z', { a: 'present-online', b: 'absent-without-reason', c: 'present-in-person' }), parentId: 'p1', mode: 'online' });
      await store.recordMeetingReport({
        ...line('s2', 'c1', '2026-02-10T08:00:00Z', { a: 'present-online', b: 'absent-without-reason', c: 'absent-with-reason' }),
        parentId: 'p1',
        durationMinutes: 60,
        durationMet: false,
      });
      // Written twice (a correction): the second replaces the first, roll and all.
      await store.recordMeetingReport({ ...line('s3', 'c1', '2026-03-10T08:00:00Z', { a: 'absent-without-reason', b: 'present-in-person', c: 'present-in-person' }), parentId: 'p1', mode: 'in-person' });
      await store.recordMeetingReport({ ...line('s3', 'c1', '2026-03-10T08:00:00Z', { a: 'present-in-person', b: 'present-in-person', c: '-' }), parentId: 'p1', mode: 'in-person' });
      await store.recordMeetingReport({ ...line('s4', 'c1', '2027-01-10T08:00:00Z', { a: 'absent-without-reason' }), parentId: 'p1' });
      await store.recordMeetingReport({ ...line('s5', 'c3', '2026-01-10T08:00:00Z', { a: 'present-online', b: 'present-online', c: 'present-online' }), parentId: 'p2' });
      // A meeting of a cell the registry does not know (created otherwise).
      await store.recordMeetingReport(line('x1', 'c9', '2026-06-10T08:00:00Z', { a: 'present-online' }));
      await store.recordAssessment(assessment('s1', 'd2', 91));
      await store.recordAssessment(assessment('s2', 'd1'));
      await store.recordAssessment(assessment('s5', 'd1', 60));
      await store.recordAssessment(assessment('s5', 'd1', 70));

      const cells = await store.reportCells({ year: 2026, unit: 'p1' });
      assert.deepEqual(cells, [
        { cellId: 'c1', cellName: 'Chi bộ A', unitKind: 'cell', parentId: 'p1', parentName: 'Đảng bộ p1', onlineScheduled: 2, onlineHeld: 2, meetingsHeld: 3, membersCounted: 8, present: 5, absentWithoutReason: 2, shortMeetings: 1, score: 85.5, membersWarned: 1 },
        { cellId: 'c2', cellName: 'Chi bộ B', unitKind: 'base-committee', parentId: 'p1', parentName: 'Đảng bộ p1', onlineScheduled: 0, onlineHeld: 0, meetingsHeld: 0, membersCounted: 0, present: 0, absentWithoutReason: 0, shortMeetings: 0, score: null, membersWarned: 0 },
      ]);
      assert.deepEqual((await store.reportCells({ year: 2026 })).map((c) => c.cellId), ['c1', 'c2', 'c3', 'c9']);
      const c9 = (await store.reportCells({ year: 2026 })).find((c) => c.cellId === 'c9')!;
      assert.equal(c9.unitKind, undefined);
      assert.equal(c9.cellName, 'Chi bộ c9');
      assert.deepEqual((await store.reportCells({ year: 2026, units: ['c3'] })).map((c) => [c.cellId, c.onlineScheduled, c.score]), [['c3', 1, 70]]);
      assert.deepEqual((await store.reportCells({ year: 2027, units: ['p1'] })).map((c) => [c.cellId, c.meetingsHeld, c.onlineScheduled]), [['c1', 1, 1], ['c2', 0, 0]]);

      const meetings = await store.reportMeetings({ year: 2026, units: ['p1'] });
      assert.deepEqual(meetings.map((m) => m.meetingId), ['s1', 's2', 's3']);
      const [s1, s2, s3] = meetings;
      assert.deepEqual(
        [s1!.mode, s1!.membersCounted, s1!.present, s1!.presentOnline, s1!.presentInPerson, s1!.absentWithoutReason, s1!.assessments, s1!.score],
        ['online', 3, 2, 1, 1, 1, 2, 85.5],
      );
      assert.deepEqual(s1!.absenteesWithoutReason, [{ memberId: 'b', name: 'Trần Thị B' }]);
      assert.deepEqual([s2!.durationMinutes, s2!.requiredMinutes, s2!.durationMet, s2!.assessments, s2!.score, s2!.absentWithReason], [60, 90, false, 1, null, 1]);
      assert.deepEqual([s3!.membersCounted, s3!.present, s3!.absenteesWithoutReason], [2, 2, []], 'the correction replaced the roll');
      assert.equal(s3!.parentId, 'p1');
      assert.equal(s1!.month, 1);
      assert.equal(s1!.heldAt, '2026-01-10T08:00:00Z');

      const people = await store.reportMembers({ year: 2026, unit: 'c1' });
      assert.deepEqual(people.map((p) => p.memberId), ['a', 'b', 'c']);
      const [a, b, c] = people;
      assert.deepEqual([a!.name, a!.meetings, a!.present], ['Nguyễn Văn A', 3, 3]);
      assert.deepEqual(b!.months, [
        { month: 1, meetings: 1, present: 0, absentWithReason: 0, absentWithoutReason: 1 },
        { month: 2, meetings: 1, present: 0, absentWithReason: 0, absentWithoutReason: 1 },
        { month: 3, meetings: 1, present: 1, absentWithReason: 0, absentWithoutReason: 0 },
      ]);
      assert.deepEqual([c!.meetings, c!.present], [2, 1], 'a meeting where the member was not called is left out');
      assert.deepEqual((await store.reportMembers({ year: 2026, units: ['p2'] })).map((p) => [p.cellId, p.memberId, p.present]), [['c3', 'a', 1], ['c3', 'b', 1], ['c3', 'c', 1]]);
      assert.deepEqual(await store.reportMembers({ year: 2025 }), []);
      assert.deepEqual(await store.reportMeetings({ year: 2026, units: [] }), []);
      await store.close();
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'party-report-'));
after(() => rmSync(dir, { recursive: true, force: true }));
reportContract('SQLite', (name) => Promise.resolve(new SqliteRegistryStore(join(dir, `${name}.sqlite`))));

let pg: TestPostgres | { skipped: string } = { skipped: 'PostgreSQL not started yet' };
before(async () => {
  pg = await startPostgres();
  if ('skipped' in pg) console.log(pg.skipped);
});
after(() => {
  if ('stop' in pg) pg.stop();
});
const pgUrl = () => ('url' in pg ? pg.url : '');
reportContract('PostgreSQL', (schema) => PostgresRegistryStore.open({ url: pgUrl(), schema }), () => ('skipped' in pg ? pg.skipped : undefined));
