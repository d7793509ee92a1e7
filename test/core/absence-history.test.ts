import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  absenceHistory,
  absenceLevel,
  vietnamYearMonth,
  type AbsenceLevel,
  type MeetingRoll,
} from '../../src/core/rules/absence-history.js';
import type { AttendanceMark } from '../../src/core/state.js';

const members = [{ id: 'a' }, { id: 'b' }];
/** A meeting's roll with a's and b's marks (unmarked when undefined). */
const roll = (meetingId: string, heldAt: string, a?: AttendanceMark, b?: AttendanceMark): MeetingRoll => ({
  meetingId,
  heldAt,
  attendance: { ...(a ? { a } : {}), ...(b ? { b } : {}) },
});
/** The given day of `month` 2026 at 08:00 Vietnam time. */
const inMonth = (month: number, day = 10) => `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T01:00:00Z`;
const absent = (id: string, month: number, day?: number) => roll(id, inMonth(month, day), 'absent-without-reason', 'present-online');

describe('absenceHistory (Điều lệ Đảng, Điều 8, khoản 2: three months in a year without reason)', () => {
  type Expected = { months: number[]; meetings: number; level: AbsenceLevel };
  const table: Array<[string, MeetingRoll[], number, Expected]> = [
    ['no meetings', [], 2026, { months: [], meetings: 0, level: 'none' }],
    ['one month', [absent('m1', 1)], 2026, { months: [1], meetings: 1, level: 'none' }],
    ['two months: warning', [absent('m1', 1), absent('m3', 3)], 2026, { months: [1, 3], meetings: 2, level: 'warning' }],
    ['three months, not consecutive: removal review', [absent('m1', 1), absent('m5', 5), absent('m11', 11)], 2026,
      { months: [1, 5, 11], meetings: 3, level: 'removal-review' }],
    ['four months: still removal review', [absent('m1', 1), absent('m2', 2), absent('m3', 3), absent('m4', 4)], 2026,
      { months: [1, 2, 3, 4], meetings: 4, level: 'removal-review' }],
    ['two meetings missed in one month count as one month', [absent('m3a', 3, 5), absent('m3b', 3, 20)], 2026, { months: [3], meetings: 2, level: 'none' }],
    ['a month with one meeting attended and one missed still counts',
      [roll('m3a', inMonth(3, 5), 'present-in-person'), absent('m3b', 3, 20), absent('m4', 4)], 2026, { months: [3, 4], meetings: 2, level: 'warning' }],
    ['31 January 20:00 UTC is 1 February in Vietnam', [roll('m', '2026-01-31T20:00:00Z', 'absent-without-reason')], 2026, { months: [2], meetings: 1, level: 'none' }],
    ['31 January 16:59 UTC is still 31 January in Vietnam', [roll('m', '2026-01-31T16:59:00Z', 'absent-without-reason')], 2026, { months: [1], meetings: 1, level: 'none' }],
    ['31 December 2025 17:00 UTC is 1 January 2026 in Vietnam', [roll('m', '2025-12-31T17:00:00Z', 'absent-without-reason')], 2026, { months: [1], meetings: 1, level: 'none' }],
    ['… and so not in 2025', [roll('m', '2025-12-31T17:00:00Z', 'absent-without-reason')], 2025, { months: [], meetings: 0, level: 'none' }],
    ['other years are ignored', [absent('m1', 1), absent('m2', 2), absent('m3', 3)], 2027, { months: [], meetings: 0, level: 'none' }],
    ['exempt never counts', [1, 2, 3].map((m) => roll(`m${m}`, inMonth(m), 'exempt')), 2026, { months: [], meetings: 0, level: 'none' }],
    ['absent with reason never counts', [1, 2, 3].map((m) => roll(`m${m}`, inMonth(m), 'absent-with-reason')), 2026, { months: [], meetings: 0, level: 'none' }],
    ['present online or in person never counts',
      [roll('m1', inMonth(1), 'present-online'), roll('m2', inMonth(2), 'present-in-person')], 2026, { months: [], meetings: 0, level: 'none' }],
    ['not on a meeting\'s roll is not an absence', [roll('m1', inMonth(1)), roll('m2', inMonth(2)), roll('m3', inMonth(3))], 2026, { months: [], meetings: 0, level: 'none' }],
    ['a corrected roll (same meeting id) replaces the earlier one',
      [absent('m1', 1), absent('m2', 2), absent('m3', 3), roll('m3', inMonth(3), 'absent-with-reason')], 2026, { months: [1, 2], meetings: 2, level: 'warning' }],
    ['a corrected roll moving the meeting to another year no longer counts in this one',
      [absent('m1', 1), roll('m1', '2027-01-10T01:00:00Z', 'absent-without-reason')], 2026, { months: [], meetings: 0, level: 'none' }],
    ['the same meeting listed twice counts once', [absent('m1', 1), absent('m1', 1)], 2026, { months: [1], meetings: 1, level: 'none' }],
    ['months are sorted whatever the order of meetings', [absent('m9', 9), absent('m2', 2)], 2026, { months: [2, 9], meetings: 2, level: 'warning' }],
  ];
  for (const [name, meetings, year, expected] of table) {
    it(name, () => {
      const [a] = absenceHistory(meetings, members, year);
      assert.ok(a);
      assert.deepEqual(
        { months: a.monthsAbsentWithoutReason, meetings: a.meetingsAbsentWithoutReason, level: a.level },
        expected,
      );
      assert.equal(a.memberId, 'a');
      assert.match(a.message.vi, /Điều lệ Đảng, Điều 8, khoản 2/);
      assert.match(a.message.en, /Article 8, clause 2/);
    });
  }

  it('one entry per member, in roster order, each with their own history', () => {
    const meetings = [roll('m1', inMonth(1), 'present-online', 'absent-without-reason'), roll('m2', inMonth(2), 'absent-without-reason', 'absent-without-reason')];
    const result = absenceHistory(meetings, [{ id: 'b' }, { id: 'a' }, { id: 'c' }], 2026);
    assert.deepEqual(
      result.map((r) => [r.memberId, r.monthsAbsentWithoutReason, r.level]),
      [['b', [1, 2], 'warning'], ['a', [2], 'none'], ['c', [], 'none']],
    );
  });

  it('the warning tells the bí thư that one more month leads to a review', () => {
    const [a] = absenceHistory([absent('m1', 1), absent('m3', 3)], members, 2026);
    assert.match(a?.message.vi ?? '', /Cảnh báo.*2 tháng.*tháng 1, 3.*vắng thêm 1 tháng/);
    assert.match(a?.message.en ?? '', /Warning.*one more month/);
  });

  it('the review message names removal', () => {
    const [a] = absenceHistory([absent('m1', 1), absent('m2', 2), absent('m3', 3)], members, 2026);
    assert.match(a?.message.vi ?? '', /xoá tên/);
    assert.match(a?.message.en ?? '', /removal/);
  });

  it('throws on a malformed date rather than dropping the meeting', () => {
    assert.throws(() => absenceHistory([roll('m', 'tháng 3', 'absent-without-reason')], members, 2026), RangeError);
  });
});

describe('absenceLevel and vietnamYearMonth', () => {
  const levels: Array<[number, AbsenceLevel]> = [[0, 'none'], [1, 'none'], [2, 'warning'], [3, 'removal-review'], [12, 'removal-review']];
  for (const [months, level] of levels) {
    it(`${months} month(s) → ${level}`, () => assert.equal(absenceLevel(months), level));
  }

  const dates: Array<[string, { year: number; month: number }]> = [
    ['2026-01-31T20:00:00Z', { year: 2026, month: 2 }],
    ['2026-01-31T16:59:59.999Z', { year: 2026, month: 1 }],
    ['2026-02-01T00:00:00+07:00', { year: 2026, month: 2 }],
    ['2025-12-31T17:00:00Z', { year: 2026, month: 1 }],
  ];
  for (const [iso, expected] of dates) {
    it(`${iso} is ${expected.month}/${expected.year} in Vietnam`, () => assert.deepEqual(vietnamYearMonth(iso), expected));
  }
});

describe('absenceHistory properties', () => {
  const marks: AttendanceMark[] = ['present-in-person', 'present-online', 'absent-with-reason', 'absent-without-reason', 'exempt'];
  const rank: Record<AbsenceLevel, number> = { none: 0, warning: 1, 'removal-review': 2 };
  // Instants across 2025–2027 so the year filter and the UTC+7 shift are exercised.
  const instant = fc.integer({ min: Date.UTC(2025, 11, 1), max: Date.UTC(2027, 0, 31) }).map((ms) => new Date(ms).toISOString());
  const meeting = fc.record({ heldAt: instant, mark: fc.constantFrom(...marks) });

  it('the level is monotonic: one more absence without reason never lowers it; marking it exempt never raises it', () => {
    fc.assert(
      fc.property(fc.array(meeting, { maxLength: 25 }), instant, (entries, extraAt) => {
        const rolls = entries.map((e, i) => roll(`m${i}`, e.heldAt, e.mark));
        const [before] = absenceHistory(rolls, members, 2026);
        const [more] = absenceHistory([...rolls, roll('extra', extraAt, 'absent-without-reason')], members, 2026);
        const [excused] = absenceHistory([...rolls, roll('extra', extraAt, 'exempt')], members, 2026);
        assert.ok(before && more && excused);
        assert.ok(rank[more.level] >= rank[before.level]);
        assert.deepEqual(excused, before);
        assert.equal(before.level, absenceLevel(before.monthsAbsentWithoutReason.length));
      }),
    );
  });

  it('months are distinct, sorted, within 1–12 and never more than the meetings missed', () => {
    fc.assert(
      fc.property(fc.array(meeting, { maxLength: 25 }), (entries) => {
        const [a] = absenceHistory(entries.map((e, i) => roll(`m${i}`, e.heldAt, e.mark)), members, 2026);
        assert.ok(a);
        const months = a.monthsAbsentWithoutReason;
        assert.deepEqual(months, [...new Set(months)].sort((x, y) => x - y));
        assert.ok(months.every((m) => m >= 1 && m <= 12));
        assert.ok(months.length <= a.meetingsAbsentWithoutReason);
        const expectedCount = entries.filter((e) => e.mark === 'absent-without-reason' && vietnamYearMonth(e.heldAt).year === 2026).length;
        assert.equal(a.meetingsAbsentWithoutReason, expectedCount);
      }),
    );
  });
});
