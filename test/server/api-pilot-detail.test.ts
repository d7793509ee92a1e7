/**
 * The pilot report's summary (issue 8): a province's whole year made 70.7 MB
 * of JSON with every meeting and member, so `detail=summary` (and `auto` for a
 * large scope, what <pilot-report> asks) keeps every cell and month but only
 * the short meetings and the warned members, with the scope's totals; the
 * full lists are asked per unit. Over real HTTP.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AttendanceMark } from '../../src/core/index.js';
import { SUMMARY_ABOVE_ROWS, summaryOf } from '../../server/api/handlers/reports.js';
import type { PilotReport } from '../../src/client/api-types.js';
import type { MeetingReportEntry } from '../../server/registry-store.js';
import { ApiTestServer } from '../helpers/api.js';

const YEAR = 2025;
/** Cells of PER_UNIT under each of two units, 12 meetings each, 10 members; enough rows for a summary. */
const UNITS = ['dang-bo-a', 'dang-bo-b'];
const PER_UNIT = 110;
const MEMBERS = 10;

/** A meeting's line: member 0 absent without reason in months 1–3 (a warning), the March meeting short. */
function line(cellId: string, parentId: string, month: number): MeetingReportEntry {
  const heldAt = `${YEAR}-${String(month).padStart(2, '0')}-10T12:30:00.000Z`;
  const members = Array.from({ length: MEMBERS }, (_, i) => {
    const mark: AttendanceMark = i === 0 && month <= 3 ? 'absent-without-reason' : 'present-online';
    return { memberId: `${cellId}-m${i}`, name: `Đảng viên ${i}`, mark, counted: true, present: mark === 'present-online' };
  });
  const present = members.filter((m) => m.present).length;
  const short = month === 3;
  return {
    meetingId: `${cellId}-${month}`,
    cellId,
    cellName: `Chi bộ ${cellId}`,
    parentId,
    title: `Sinh hoạt tháng ${month}`,
    scheduledAt: heldAt,
    heldAt,
    year: YEAR,
    month,
    kind: 'regular',
    mode: 'online',
    membersCounted: MEMBERS,
    present,
    presentInPerson: 0,
    presentOnline: present,
    absentWithReason: 0,
    absentWithoutReason: MEMBERS - present,
    durationMinutes: short ? 60 : 95,
    requiredMinutes: 90,
    durationMet: !short,
    members,
  };
}

let api: ApiTestServer;
before(async () => {
  api = await ApiTestServer.start();
  const lines = UNITS.flatMap((unit) => Array.from({ length: PER_UNIT }, (_, c) => Array.from({ length: 12 }, (_, m) => line(`${unit}-cb${c}`, unit, m + 1))).flat());
  await api.registry.recordMeetingReports(lines);
});
after(() => api.stop());

const report = async (query: string) => {
  const answer = await api.request('GET', `/api/reports/pilot?year=${YEAR}${query}`);
  assert.equal(answer.status, 200, answer.text);
  return { json: answer.json as Record<string, unknown> & { meetings: unknown[]; members: Array<{ level: string; months: unknown[] }>; cells: unknown[]; months: unknown[] }, bytes: Buffer.byteLength(answer.text) };
};

describe('GET /api/reports/pilot?detail=', () => {
  it('summary: every cell and month, only the short meetings and warned members, the whole scope’s totals; much smaller', async () => {
    const full = await report('');
    const summary = await report('&detail=summary');
    const cells = UNITS.length * PER_UNIT;
    assert.equal(full.json['detail'], 'full');
    assert.deepEqual([full.json.meetings.length, full.json.members.length], [cells * 12, cells * MEMBERS]);
    assert.equal(summary.json['detail'], 'summary');
    assert.deepEqual(summary.json.cells, full.json.cells);
    assert.deepEqual(summary.json.months, full.json.months);
    assert.equal(summary.json.meetings.length, cells, 'the March meeting of each cell, shorter than the minimum');
    assert.ok(summary.json.members.length === cells && summary.json.members.every((m) => m.level !== 'none' && m.months.length === 0), 'member 0 of each cell, warned, without the months');
    assert.deepEqual(summary.json['totals'], { meetings: cells * 12, members: cells * MEMBERS, membersCounted: cells * 12 * MEMBERS, present: cells * (12 * MEMBERS - 3), short: cells, warned: cells });
    assert.ok(summary.bytes * 4 < full.bytes, `summary ${summary.bytes} B against ${full.bytes} B`);
    console.log(`${cells} cells: full ${(full.bytes / 1e6).toFixed(2)} MB, summary ${(summary.bytes / 1e6).toFixed(2)} MB`);
  });

  it(`auto: the summary above ${SUMMARY_ABOVE_ROWS} rows (all units), everything for one unit or one cell`, async () => {
    assert.ok((UNITS.length * PER_UNIT * (12 + MEMBERS)) > SUMMARY_ABOVE_ROWS && PER_UNIT * (12 + MEMBERS) <= SUMMARY_ABOVE_ROWS, 'the fixture straddles the threshold');
    assert.equal((await report('&detail=auto')).json['detail'], 'summary');
    const unit = await report('&detail=auto&unit=dang-bo-a');
    assert.equal(unit.json['detail'], 'full');
    assert.equal(unit.json.meetings.length, PER_UNIT * 12);
    assert.equal((await report('&detail=auto&unit=dang-bo-a-cb1')).json.meetings.length, 12);
  });

  it('cuts the summary’s lists at the limit: the shortest meetings against their minimum and the removal reviews first, the rest counted', async () => {
    const full = (await report('&unit=dang-bo-a')).json as unknown as PilotReport;
    const shorter = { ...full, meetings: full.meetings.map((m, i) => (i === 40 ? { ...m, durationMet: false, durationMinutes: 10 } : m)) };
    const review = { ...shorter, members: shorter.members.map((m, i) => ({ ...m, level: i === 7 ? ('removal-review' as const) : m.level === 'none' ? ('none' as const) : ('warning' as const) })) };
    const summary = summaryOf(review, 5);
    assert.equal(summary.meetings.length, 5);
    assert.equal(summary.meetings[0]!.meetingId, full.meetings[40]!.meetingId, 'the shortest first');
    assert.equal(summary.members.length, 5);
    assert.equal(summary.members[0]!.memberId, full.members[7]!.memberId, 'a removal review first');
    assert.deepEqual([summary.totals!.short, summary.totals!.warned], [PER_UNIT + 1, PER_UNIT + (full.members[7]!.level === 'none' ? 1 : 0)]);
  });

  it('refuses detail with a CSV (a CSV is a whole table) and an unknown detail', async () => {
    for (const [query, field] of [['&format=csv&table=cells&detail=summary', 'detail'], ['&detail=some', 'detail']] as const) {
      const answer = await api.request('GET', `/api/reports/pilot?year=${YEAR}${query}`);
      assert.deepEqual([answer.status, answer.json['field']], [400, field], query);
    }
  });
});
