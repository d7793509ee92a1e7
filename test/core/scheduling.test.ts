import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { durationReport, type DurationReport } from '../../src/core/policy/duration.js';
import { DEFAULT_POLICY, resolvePolicy, type ContentTag, type MeetingPolicy } from '../../src/core/policy/policy.js';
import {
  contentAllowedOnline,
  documentsOnTime,
  onlineEligibility,
  onlineMeetingAllowed,
  type MeetingDocument,
  type OnlineMeetingRequest,
  type SchedulingCode,
} from '../../src/core/policy/scheduling.js';
import type { MeetingKind, MeetingMode, Member, MemberFlags, UnitKind } from '../../src/core/types.js';

const P = DEFAULT_POLICY;
const member = (id: string, flags?: MemberFlags): Member => ({ id, name: `Đảng viên ${id}`, status: 'full', ...(flags ? { flags } : {}) });
const roster = (n: number): Member[] => Array.from({ length: n }, (_, i) => member(`m${i + 1}`));
const ids = (...xs: string[]) => new Set(xs);

describe('onlineEligibility (HD 03-HD/TW: more than half cannot meet in one place, exempt and suspended not counted)', () => {
  type Expected = { eligible: boolean; counted: number; cannotMeet: number; required: number; fullyOnlineAllowed: boolean; code: SchedulingCode };
  const table: Array<[string, Member[], Set<string>, MeetingPolicy, Expected]> = [
    ['exactly half (2 of 4) is not eligible', roster(4), ids('m1', 'm2'), P,
      { eligible: false, counted: 4, cannotMeet: 2, required: 3, fullyOnlineAllowed: false, code: 'online-not-eligible' }],
    ['3 of 5 is eligible, hybrid', roster(5), ids('m1', 'm2', 'm3'), P,
      { eligible: true, counted: 5, cannotMeet: 3, required: 3, fullyOnlineAllowed: false, code: 'online-eligible-hybrid' }],
    ['2 of 5 is not eligible', roster(5), ids('m1', 'm2'), P,
      { eligible: false, counted: 5, cannotMeet: 2, required: 3, fullyOnlineAllowed: false, code: 'online-not-eligible' }],
    ['3 of 4 is eligible, hybrid', roster(4), ids('m1', 'm2', 'm3'), P,
      { eligible: true, counted: 4, cannotMeet: 3, required: 3, fullyOnlineAllowed: false, code: 'online-eligible-hybrid' }],
    ['all 4 cannot gather: fully online', roster(4), ids('m1', 'm2', 'm3', 'm4'), P,
      { eligible: true, counted: 4, cannotMeet: 4, required: 3, fullyOnlineAllowed: true, code: 'online-eligible-fully-online' }],
    ['exempt and suspended are not counted, even when they cannot meet (2 of 4, not 4 of 6)',
      [...roster(4), member('ex', { exempt: true }), member('su', { suspended: true })], ids('m1', 'm2', 'ex', 'su'), P,
      { eligible: false, counted: 4, cannotMeet: 2, required: 3, fullyOnlineAllowed: false, code: 'online-not-eligible' }],
    ['an exempt member who could gather does not prevent a fully online meeting',
      [...roster(2), member('ex', { exempt: true })], ids('m1', 'm2'), P,
      { eligible: true, counted: 2, cannotMeet: 2, required: 2, fullyOnlineAllowed: true, code: 'online-eligible-fully-online' }],
    ['probationary and attached-elsewhere members are counted',
      [member('m1'), { id: 'p', name: 'Dự bị', status: 'probationary' }, member('ae', { attachedElsewhere: true })], ids('m1', 'p'), P,
      { eligible: true, counted: 3, cannotMeet: 2, required: 2, fullyOnlineAllowed: false, code: 'online-eligible-hybrid' }],
    ['ids not on the roster are ignored', roster(4), ids('m1', 'm2', 'x', 'y'), P,
      { eligible: false, counted: 4, cannotMeet: 2, required: 3, fullyOnlineAllowed: false, code: 'online-not-eligible' }],
    ['an empty roster is never eligible', [], ids(), P,
      { eligible: false, counted: 0, cannotMeet: 0, required: 1, fullyOnlineAllowed: false, code: 'online-not-eligible' }],
    ['a policy share of 2/3: 4 of 6 is not more than two thirds', roster(6), ids('m1', 'm2', 'm3', 'm4'), resolvePolicy({ onlineEligibilityShare: 2 / 3 }),
      { eligible: false, counted: 6, cannotMeet: 4, required: 5, fullyOnlineAllowed: false, code: 'online-not-eligible' }],
  ];
  for (const [name, members, cannot, policy, expected] of table) {
    it(name, () => {
      const { reason, ...rest } = onlineEligibility(members, cannot, policy);
      const { code, ...counts } = expected;
      assert.deepEqual(rest, counts);
      assert.equal(reason.code, code);
      assert.match(reason.vi, /Hướng dẫn 03-HD\/TW/);
      assert.match(reason.en, /03-HD\/TW/);
    });
  }

  it('the refusal names the counts and the rule', () => {
    const { reason } = onlineEligibility(roster(4), ids('m1', 'm2'), P);
    assert.match(reason.vi, /2\/4 đảng viên/);
    assert.match(reason.vi, /trên một nửa/);
    assert.match(reason.en, /more than half/);
  });

  it('never counts exempt or suspended members, and is eligible exactly when more than half of the rest cannot meet', () => {
    const entry = fc.record({
      flags: fc.constantFrom<MemberFlags | undefined>(undefined, { exempt: true }, { suspended: true }, { exempt: true, suspended: true }, { attachedHere: true }),
      cannotMeet: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), (entries) => {
        const members = entries.map((e, i) => member(`m${i}`, e.flags));
        const cannot = new Set(entries.flatMap((e, i) => (e.cannotMeet ? [`m${i}`] : [])));
        const result = onlineEligibility(members, cannot, P);
        const kept = entries.map((e, i) => ({ ...e, i })).filter((e) => !e.flags?.exempt && !e.flags?.suspended);
        const keptCannot = kept.filter((e) => e.cannotMeet).length;
        assert.equal(result.counted, kept.length);
        assert.equal(result.cannotMeet, keptCannot);
        assert.equal(result.eligible, 2 * keptCannot > kept.length);
        assert.equal(result.fullyOnlineAllowed, result.eligible && keptCannot === kept.length);
        // Removing every exempt or suspended member changes nothing.
        const without = onlineEligibility(kept.map((e) => member(`m${e.i}`, e.flags)), cannot, P);
        assert.deepEqual(without, result);
      }),
    );
  });
});

describe('onlineMeetingAllowed (HD 03-HD/TW yearly limits, seed 004; party groups: Mục II 1.2)', () => {
  const group = { unitKind: 'party-group', hasPartyGroups: true } as const;
  const table: Array<[string, OnlineMeetingRequest, MeetingPolicy, { allowed: boolean; limit: number; used: number; code: SchedulingCode }]> = [
    ["a cell's 3rd online meeting is allowed", { unitKind: 'cell', onlineMeetingsThisYear: 2 }, P, { allowed: true, limit: 3, used: 2, code: 'online-limit-available' }],
    ["a cell's 4th online meeting is refused", { unitKind: 'cell', onlineMeetingsThisYear: 3 }, P, { allowed: false, limit: 3, used: 3, code: 'online-limit-reached' }],
    ["a base committee's 1st is allowed", { unitKind: 'base-committee', onlineMeetingsThisYear: 0 }, P, { allowed: true, limit: 1, used: 0, code: 'online-limit-available' }],
    ["a base committee's 2nd is refused", { unitKind: 'base-committee', onlineMeetingsThisYear: 1 }, P, { allowed: false, limit: 1, used: 1, code: 'online-limit-reached' }],
    ['party groups in a cell of 50 members: allowed', { ...group, memberCount: 50, onlineMeetingsThisYear: 2 }, P, { allowed: true, limit: 3, used: 2, code: 'online-limit-available' }],
    ['party groups in a cell of 63 members, 4th meeting: refused', { ...group, memberCount: 63, onlineMeetingsThisYear: 3 }, P, { allowed: false, limit: 3, used: 3, code: 'online-limit-reached' }],
    ['party groups in a cell of 49 members: refused', { ...group, memberCount: 49, onlineMeetingsThisYear: 0 }, P, { allowed: false, limit: 3, used: 0, code: 'party-group-too-few-members' }],
    ['party groups, member count unknown: refused', { ...group, onlineMeetingsThisYear: 0 }, P, { allowed: false, limit: 3, used: 0, code: 'party-group-too-few-members' }],
    ['party groups in a cell without groups: refused', { unitKind: 'party-group', hasPartyGroups: false, memberCount: 60, onlineMeetingsThisYear: 0 }, P, { allowed: false, limit: 3, used: 0, code: 'party-group-no-groups' }],
    ['a cell needs no groups or member count', { unitKind: 'cell', onlineMeetingsThisYear: 0, memberCount: 3 }, P, { allowed: true, limit: 3, used: 0, code: 'online-limit-available' }],
    ['a province raising the cell limit to 5: the 5th is allowed', { unitKind: 'cell', onlineMeetingsThisYear: 4 },
      resolvePolicy({ onlineMeetingsPerYear: { ...P.onlineMeetingsPerYear, cell: 5 } }), { allowed: true, limit: 5, used: 4, code: 'online-limit-available' }],
    ['a policy of 40 members for party groups', { ...group, memberCount: 40, onlineMeetingsThisYear: 0 }, resolvePolicy({ partyGroupMinMembers: 40 }),
      { allowed: true, limit: 3, used: 0, code: 'online-limit-available' }],
  ];
  for (const [name, input, policy, expected] of table) {
    it(name, () => {
      const { reason, ...rest } = onlineMeetingAllowed(input, policy);
      const { code, ...values } = expected;
      assert.deepEqual(rest, values);
      assert.equal(reason.code, code);
      assert.match(reason.vi, /Hướng dẫn 03-HD\/TW/);
      assert.match(reason.en, /03-HD\/TW/);
    });
  }

  it('the refusal of a 4th cell meeting names the limit and the rule', () => {
    const { reason } = onlineMeetingAllowed({ unitKind: 'cell', onlineMeetingsThisYear: 3 }, P);
    assert.match(reason.vi, /chi bộ được sinh hoạt trực tuyến không quá 3 lần trong năm/);
    assert.match(reason.en, /cell may meet online at most 3 time\(s\) a year/);
  });

  it('allows exactly the first `limit` meetings of the year, for every unit kind', () => {
    fc.assert(
      fc.property(fc.constantFrom<UnitKind>('cell', 'base-committee', 'party-group'), fc.nat(10), fc.nat(10), (unitKind, limit, used) => {
        const policy = resolvePolicy({ onlineMeetingsPerYear: { ...P.onlineMeetingsPerYear, [unitKind]: limit } });
        const result = onlineMeetingAllowed({ unitKind, onlineMeetingsThisYear: used, memberCount: 50, hasPartyGroups: true }, policy);
        assert.equal(result.allowed, used < limit);
      }),
    );
  });
});

describe('contentAllowedOnline (HD 03-HD/TW: some contents not handled fully online)', () => {
  const table: Array<[string, ContentTag[], MeetingMode, MeetingPolicy, { allowed: boolean; refused: ContentTag[] }]> = [
    ['an election, fully online: refused', ['election'], 'online', P, { allowed: false, refused: ['election'] }],
    ['an election, hybrid: allowed', ['election'], 'hybrid', P, { allowed: true, refused: [] }],
    ['an election, in person: allowed', ['election'], 'in-person', P, { allowed: true, refused: [] }],
    ['a resolution and other business, online: allowed', ['resolution', 'other', 'minutes-adoption'], 'online', P, { allowed: true, refused: [] }],
    ['refused tags once each, in the order given', ['discipline', 'resolution', 'discipline', 'classified'], 'online', P, { allowed: false, refused: ['discipline', 'classified'] }],
    ['every default tag, online', ['election', 'discipline', 'admission', 'confirmation', 'rating', 'classified'], 'online', P,
      { allowed: false, refused: ['election', 'discipline', 'admission', 'confirmation', 'rating', 'classified'] }],
    ['nothing on the agenda', [], 'online', P, { allowed: true, refused: [] }],
    ['a policy with an empty list allows an admission online', ['admission'], 'online', resolvePolicy({ contentNotAllowedOnline: [] }), { allowed: true, refused: [] }],
  ];
  for (const [name, tags, mode, policy, expected] of table) {
    it(name, () => {
      const { reason, ...rest } = contentAllowedOnline(tags, mode, policy);
      assert.deepEqual(rest, expected);
      assert.equal(reason.code, expected.allowed ? 'content-allowed' : 'content-not-allowed-online');
      assert.match(reason.vi, /Hướng dẫn 03-HD\/TW/);
    });
  }

  it('names every refused content in Vietnamese and English', () => {
    const { reason } = contentAllowedOnline(['election', 'discipline', 'admission', 'confirmation', 'rating', 'classified'], 'online', P);
    for (const name of ['bầu cử', 'kỷ luật', 'kết nạp đảng viên', 'công nhận đảng viên chính thức', 'đánh giá, xếp loại', 'nội dung mật']) {
      assert.ok(reason.vi.includes(name), `${name} in ${reason.vi}`);
    }
    for (const name of ['election', 'discipline', 'admission', 'confirmation', 'rating', 'classified']) {
      assert.ok(reason.en.includes(name), `${name} in ${reason.en}`);
    }
  });
});

describe('documentsOnTime (HD 42-HD/BTCTW: documents posted ahead, policy.documentsDaysBefore)', () => {
  const start = '2026-03-10T08:00:00+07:00'; // 01:00Z
  const doc = (id: string, postedAt: string): MeetingDocument => ({ id, title: `Tài liệu ${id}`, postedAt });
  const table: Array<[string, MeetingDocument[], MeetingPolicy, { onTime: boolean; late: string[]; deadline: string }]> = [
    ['posted exactly 24 h before: on time', [doc('a', '2026-03-09T08:00:00+07:00')], P, { onTime: true, late: [], deadline: '2026-03-09T01:00:00.000Z' }],
    ['posted 23 h 59 min before: late', [doc('a', '2026-03-09T08:01:00+07:00')], P, { onTime: false, late: ['a'], deadline: '2026-03-09T01:00:00.000Z' }],
    ['posted 1 ms after the deadline: late', [doc('a', '2026-03-09T01:00:00.001Z')], P, { onTime: false, late: ['a'], deadline: '2026-03-09T01:00:00.000Z' }],
    ['one of three late', [doc('a', '2026-03-01T00:00:00Z'), doc('b', '2026-03-10T07:00:00+07:00'), doc('c', '2026-03-08T12:00:00Z')], P,
      { onTime: false, late: ['b'], deadline: '2026-03-09T01:00:00.000Z' }],
    ['no documents: on time', [], P, { onTime: true, late: [], deadline: '2026-03-09T01:00:00.000Z' }],
    ['a policy of 2 days: 36 h before is late', [doc('a', '2026-03-08T13:00:00Z')], resolvePolicy({ documentsDaysBefore: 2 }),
      { onTime: false, late: ['a'], deadline: '2026-03-08T01:00:00.000Z' }],
  ];
  for (const [name, documents, policy, expected] of table) {
    it(name, () => {
      const result = documentsOnTime(documents, start, policy);
      assert.deepEqual({ onTime: result.onTime, late: result.late.map((d) => d.id), deadline: result.deadline }, expected);
      assert.equal(result.reason.code, expected.onTime ? 'documents-on-time' : 'documents-late');
      assert.match(result.reason.vi, /Hướng dẫn 42-HD\/BTCTW/);
    });
  }

  it('the late message names the document', () => {
    const { reason, late } = documentsOnTime([doc('a', '2026-03-09T08:01:00+07:00')], start, P);
    assert.deepEqual(late, [doc('a', '2026-03-09T08:01:00+07:00')]);
    assert.match(reason.vi, /Tài liệu a/);
    assert.match(reason.en, /Tài liệu a/);
  });

  it('throws on a malformed date, or one without an offset, rather than guessing', () => {
    assert.throws(() => documentsOnTime([], 'mai', P), RangeError);
    for (const bad of ['10/03/2026', 'tháng 3', '2026-03-09', '2026-03-09T08:00:00']) {
      assert.throws(() => documentsOnTime([doc('a', bad)], start, P), RangeError, bad);
    }
  });
});

describe('durationReport (HD 42-HD/BTCTW 2025: 90 min; 120 when regular and thematic run together)', () => {
  const at = (minutes: number, seconds = 0) => new Date(Date.UTC(2026, 2, 10, 1, minutes, seconds)).toISOString();
  type Row = [string, MeetingKind, string | undefined, string | undefined, string, Omit<DurationReport, 'reason'>];
  const table: Row[] = [
    ['regular, 90 min: met', 'regular', at(0), at(90), at(200), { requiredMinutes: 90, actualMinutes: 90, met: true, remainingMinutes: 0 }],
    ['regular, 89 min 59 s: not met (whole minutes, floor)', 'regular', at(0), at(89, 59), at(200), { requiredMinutes: 90, actualMinutes: 89, met: false, remainingMinutes: 1 }],
    ['thematic, 90 min: met', 'thematic', at(0), at(90), at(0), { requiredMinutes: 90, actualMinutes: 90, met: true, remainingMinutes: 0 }],
    ['combined, 119 min: not met', 'combined', at(0), at(119), at(200), { requiredMinutes: 120, actualMinutes: 119, met: false, remainingMinutes: 1 }],
    ['combined, 120 min: met', 'combined', at(0), at(120), at(200), { requiredMinutes: 120, actualMinutes: 120, met: true, remainingMinutes: 0 }],
    ['open: counts to now', 'regular', at(0), undefined, at(45, 30), { requiredMinutes: 90, actualMinutes: 45, met: false, remainingMinutes: 45 }],
    ['not opened: 0', 'regular', undefined, undefined, at(45), { requiredMinutes: 90, actualMinutes: 0, met: false, remainingMinutes: 90 }],
    ['a clock running backwards gives 0', 'regular', at(30), at(10), at(40), { requiredMinutes: 90, actualMinutes: 0, met: false, remainingMinutes: 90 }],
    ['a longer meeting: nothing remaining', 'regular', at(0), at(150), at(150), { requiredMinutes: 90, actualMinutes: 150, met: true, remainingMinutes: 0 }],
  ];
  for (const [name, kind, openedAt, closedAt, now, expected] of table) {
    it(name, () => {
      const { reason, ...rest } = durationReport(kind, openedAt, closedAt, now, P);
      assert.deepEqual(rest, expected);
      assert.equal(reason.code, expected.met ? 'duration-met' : 'duration-short');
      assert.match(reason.vi, /Hướng dẫn 42-HD\/BTCTW/);
    });
  }

  it('a small cell whose upper committee set 60 minutes', () => {
    const policy = resolvePolicy({ minimumMinutes: { regular: 60, thematic: 60, combined: 90 } });
    assert.equal(durationReport('regular', at(0), at(60), at(60), policy).met, true);
  });

  it('while open, the duration never decreases and met holds exactly when nothing remains', () => {
    fc.assert(
      fc.property(fc.constantFrom<MeetingKind>('regular', 'thematic', 'combined'), fc.nat(300), fc.nat(300), (kind, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const r1 = durationReport(kind, at(0), undefined, at(early), P);
        const r2 = durationReport(kind, at(0), undefined, at(late), P);
        assert.ok(r2.actualMinutes >= r1.actualMinutes);
        assert.equal(r1.actualMinutes + r1.remainingMinutes >= r1.requiredMinutes, true);
        assert.equal(r1.met, r1.remainingMinutes === 0);
      }),
    );
  });
});
