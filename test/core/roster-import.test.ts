import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { importRosterCsv, importRosterJson, type RosterError, type RosterImport } from '../../src/core/roster/import.js';
import type { Member, MemberFlags } from '../../src/core/types.js';

/** The members of a successful import; fails the test otherwise. */
function membersOf(result: RosterImport): readonly Member[] {
  assert.ok(result.ok, `expected success, got ${JSON.stringify(!result.ok && result.errors)}`);
  return result.members;
}

/** The errors of a failed import as `line:field`; fails the test on success or on a half-written reason. */
function errorsOf(result: RosterImport): string[] {
  assert.equal(result.ok, false, 'expected the import to fail');
  assert.ok(!result.ok);
  assert.equal('members' in result, false, 'a failed import must carry no members');
  for (const e of result.errors) assertReason(e);
  return result.errors.map((e) => `${e.line}:${e.field}`);
}

function assertReason(e: RosterError): void {
  assert.ok(e.reason.vi.trim().length > 0, `empty Vietnamese reason for ${e.field}`);
  assert.ok(e.reason.en.trim().length > 0, `empty English reason for ${e.field}`);
  assert.notEqual(e.reason.vi, e.reason.en, `untranslated reason for ${e.field}`);
}

/** The only error of a failed import. */
function onlyError(result: RosterImport): RosterError {
  assert.ok(!result.ok, 'expected the import to fail');
  assert.equal(result.errors.length, 1, JSON.stringify(result.errors));
  return result.errors[0]!;
}

const csv = (...lines: string[]): string => lines.join('\n') + '\n';
const HEADER = 'id,name,status';

describe('importRosterCsv: accepted files', () => {
  const table: Array<[string, string, Member[]]> = [
    [
      'English header, LF, no flag columns',
      csv(HEADER, 'a1,Nguyễn Văn An,full', 'b2,Trần Thị Bình,probationary'),
      [
        { id: 'a1', name: 'Nguyễn Văn An', status: 'full' },
        { id: 'b2', name: 'Trần Thị Bình', status: 'probationary' },
      ],
    ],
    [
      'Vietnamese header, quoted names with commas, Vietnamese values',
      csv(
        'Mã,Họ và tên,Trạng thái,Miễn,Sinh hoạt tạm thời đến,Sinh hoạt tạm thời đi,Đình chỉ',
        'dv-01,"Lê Văn Cường, Bí thư",Chính thức,không,,không,',
        'dv-02,"Phạm Thị Dung, ""Út""",dự bị,Có,x,,',
        'dv-03,"Hoàng, Văn Em",chinh thuc,,,X,có',
      ),
      [
        { id: 'dv-01', name: 'Lê Văn Cường, Bí thư', status: 'full' },
        { id: 'dv-02', name: 'Phạm Thị Dung, "Út"', status: 'probationary', flags: { exempt: true, attachedHere: true } },
        { id: 'dv-03', name: 'Hoàng, Văn Em', status: 'full', flags: { attachedElsewhere: true, suspended: true } },
      ],
    ],
    [
      'UTF-8 BOM, CRLF, blank lines, no trailing newline',
      '\uFEFFid,name,status\r\n\r\na1,An,full\r\n   \r\nb2,Bình,du bi',
      [
        { id: 'a1', name: 'An', status: 'full' },
        { id: 'b2', name: 'Bình', status: 'probationary' },
      ],
    ],
    [
      'alternative header names, any order, any case, extra spaces',
      csv(' TRANG_THAI , Ho_Ten ,MA', ' Full ,  Ngô Gia  ,g.7', 'DỰ BỊ,Hà,h_8'),
      [
        { id: 'g.7', name: 'Ngô Gia', status: 'full' },
        { id: 'h_8', name: 'Hà', status: 'probationary' },
      ],
    ],
    [
      'NFD header and status values (as some editors save them)',
      csv('id,name,trạng thái'.normalize('NFD'), 'a1,An,' + 'chính thức'.normalize('NFD'), 'b2,Bình,' + 'dự bị'.normalize('NFD')),
      [
        { id: 'a1', name: 'An', status: 'full' },
        { id: 'b2', name: 'Bình', status: 'probationary' },
      ],
    ],
    [
      'newlines inside quotes, doubled quotes, names trimmed, ids kept as given',
      csv(HEADER, '"Ab.9","  Tô\nHoài  ",full', 'ab.9,"""Sơn"" Tùng",probationary'),
      [
        { id: 'Ab.9', name: 'Tô\nHoài', status: 'full' },
        { id: 'ab.9', name: '"Sơn" Tùng', status: 'probationary' },
      ],
    ],
    [
      'every flag value spelling; only true flags are kept; probationary and exempt together',
      csv(
        'id,name,status,exempt,suspended',
        'a,A,probationary,true,false',
        'b,B,full,1,0',
        'c,C,full,yes,no',
        'd,D,full,CÓ,KHÔNG',
        'e,E,full,co,khong',
        'f,F,full,,',
      ),
      [
        { id: 'a', name: 'A', status: 'probationary', flags: { exempt: true } },
        { id: 'b', name: 'B', status: 'full', flags: { exempt: true } },
        { id: 'c', name: 'C', status: 'full', flags: { exempt: true } },
        { id: 'd', name: 'D', status: 'full', flags: { exempt: true } },
        { id: 'e', name: 'E', status: 'full', flags: { exempt: true } },
        { id: 'f', name: 'F', status: 'full' },
      ],
    ],
    [
      'the longest id (64) and name (120, counted in composed characters)',
      csv(HEADER, `${'ư'.repeat(64)},${'ễ'.repeat(120).normalize('NFD')},full`),
      [{ id: 'ư'.repeat(64), name: 'ễ'.repeat(120).normalize('NFD'), status: 'full' }],
    ],
    ['a header and no rows: an empty roster', csv(HEADER), []],
    ['a row of empty cells counts as blank', csv(HEADER, ',,', ' , , ', 'a1,An,full'), [{ id: 'a1', name: 'An', status: 'full' }]],
  ];
  for (const [name, text, expected] of table) {
    it(name, () => {
      assert.deepEqual(membersOf(importRosterCsv(text)), expected);
    });
  }

  it('exactly 5,000 rows are accepted', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `m${i},Member ${i},full`);
    assert.equal(membersOf(importRosterCsv(csv(HEADER, ...rows))).length, 5000);
  });
});

describe('importRosterCsv: every error kind, with its line and field', () => {
  const long = (n: number, c = 'a'): string => c.repeat(n);
  const table: Array<[string, string, string[]]> = [
    ['empty file', '', ['0:(file)']],
    ['only a BOM and blank lines', '\uFEFF\r\n\r\n', ['0:(file)']],
    ['missing id column', csv('name,status', 'An,full'), ['1:id']],
    ['missing name and status columns: one error each', csv('mã', 'a1'), ['1:name', '1:status']],
    ['unknown column', csv('id,name,status,email', 'a1,An,full,a@b.vn'), ['1:email']],
    ['empty header cell', csv('id,name,status,', 'a1,An,full,'), ['1:(column 4)']],
    ['the same column twice (id and mã)', csv('id,name,status,mã', 'a1,An,full,a1'), ['1:id']],
    ['too few fields', csv(HEADER, 'a1,An'), ['2:(row)']],
    ['too many fields (unquoted comma in a name)', csv(HEADER, 'a1,Lê Văn, An,full'), ['2:(row)']],
    ['empty id', csv(HEADER, ',An,full'), ['2:id']],
    ['id of 65 characters', csv(HEADER, `${long(65)},An,full`), ['2:id']],
    ['id with a space', csv(HEADER, 'a 1,An,full'), ['2:id']],
    ['id with a leading space (ids are not trimmed)', csv(HEADER, ' a1,An,full'), ['2:id']],
    ['id with a slash', csv(HEADER, 'a/1,An,full'), ['2:id']],
    ['id in NFD form', csv(HEADER, `${'dự'.normalize('NFD')},An,full`), ['2:id']],
    ['empty name', csv(HEADER, 'a1,,full'), ['2:name']],
    ['name of spaces only', csv(HEADER, 'a1,"   ",full'), ['2:name']],
    ['name of 121 characters', csv(HEADER, `a1,${long(121, 'ễ')},full`), ['2:name']],
    ['empty status', csv(HEADER, 'a1,An,'), ['2:status']],
    ['unknown status', csv(HEADER, 'a1,An,chính thúc'), ['2:status']],
    ['invalid flag value', csv('id,name,status,đình chỉ', 'a1,An,full,maybe'), ['2:suspended']],
    ['duplicate id, reported on the later line', csv(HEADER, 'a1,An,full', 'b2,Bình,full', 'a1,Cường,full'), ['4:id']],
    [
      'attached here and attached elsewhere together',
      csv('id,name,status,attached_here,attached_elsewhere', 'a1,An,full,x,x'),
      ['2:attached_elsewhere'],
    ],
    ['a quoted field never closed', csv(HEADER, 'a1,"An,full', 'b2,Bình,full'), ['2:name']],
    ['a quote inside an unquoted field', csv(HEADER, 'a1,An "Út",full'), ['2:name']],
    ['text after a closing quote', csv(HEADER, 'a1,"An" Út,full'), ['2:name']],
    ['a quote problem in the header', csv('id,"name"x,status', 'a1,An,full'), ['1:(header)', '1:namex', '1:name']],
    ['line numbers count blank lines and CRLF', 'id,name,status\r\n\r\na1,An,full\r\n\r\n\r\nb2,,full\r\n', ['6:name']],
    ['line numbers count lone CR line ends', 'id,name,status\ra1,An,full\r\rb2,Bình,?\r', ['4:status']],
    ['line numbers count line breaks inside quotes', csv(HEADER, 'a1,"An\nthe\r\nsecond",full', 'b2,Bình,?'), ['5:status']],
  ];
  for (const [name, text, expected] of table) {
    it(name, () => {
      assert.deepEqual(errorsOf(importRosterCsv(text)), expected);
    });
  }

  it('a duplicate id names the line of its first use, for every later use', () => {
    const result = importRosterCsv(csv(HEADER, 'a1,An,full', 'b2,Bình,full', 'a1,Cường,full', 'a1,Dũng,full'));
    assert.deepEqual(errorsOf(result), ['4:id', '5:id']);
    assert.ok(!result.ok);
    for (const error of result.errors) {
      assert.match(error.reason.en, /line 2\b/);
      assert.match(error.reason.vi, /dòng 2\b/);
    }
  });

  it('5,001 rows: a single error, no row checked', () => {
    const rows = Array.from({ length: 5001 }, (_, i) => `m${i % 2},,bad`);
    const error = onlyError(importRosterCsv(csv(HEADER, ...rows)));
    assert.deepEqual([error.line, error.field], [0, '(file)']);
  });

  it('an NFD id is told apart from an id with forbidden characters', () => {
    const nfd = onlyError(importRosterCsv(csv(HEADER, `${'dự'.normalize('NFD')},An,full`)));
    const slash = onlyError(importRosterCsv(csv(HEADER, 'a/1,An,full')));
    assert.match(nfd.reason.en, /NFC/);
    assert.match(nfd.reason.vi, /NFC/);
    assert.doesNotMatch(slash.reason.en, /NFC/);
  });

  it('echoes what was wrong in the reason, in both languages', () => {
    const error = onlyError(importRosterCsv(csv(HEADER, 'a1,An,đảng viên')));
    assert.ok(error.reason.vi.includes('đảng viên') && error.reason.en.includes('đảng viên'), JSON.stringify(error.reason));
  });
});

describe('all errors reported, nothing imported', () => {
  it('CSV: every bad row and field is reported, the good rows are not returned', () => {
    const text = csv(
      'id,name,status,exempt',
      'a1,An,full,', // good
      ',Bình,full,', // empty id
      'c3,,dự bị,x', // empty name
      'd4,Dũng,member,maybe', // bad status and flag
      'a1,Em,full,', // duplicate of line 2
      'f6,Phương', // field count
      'g7,Giang,probationary,có', // good
    );
    assert.deepEqual(errorsOf(importRosterCsv(text)), ['3:id', '4:name', '5:exempt', '5:status', '6:id', '7:(row)']);
  });

  it('CSV: header problems and row problems are reported together', () => {
    const text = csv('id,name,tuổi', 'a1,,40');
    assert.deepEqual(errorsOf(importRosterCsv(text)), ['1:tuổi', '1:status', '2:name']);
  });

  it('JSON: every bad element and field is reported', () => {
    const text = JSON.stringify([
      { id: 'a1', name: 'An', status: 'full' },
      { id: 'b 2', name: ' ', status: 'full', flags: { exempt: 'yes' } },
      { id: 'a1', name: 'Cường', status: 'x' },
      { id: 'd4', name: 'Dũng', status: 'probationary' },
    ]);
    assert.deepEqual(errorsOf(importRosterJson(text)), ['2:flags.exempt', '2:id', '2:name', '3:id', '3:status']);
  });
});

describe('importRosterJson', () => {
  const accepted: Array<[string, unknown, Member[]]> = [
    [
      'an array with flags; false flags dropped',
      [
        { id: 'a1', name: ' An ', status: 'full', flags: { exempt: false, suspended: true } },
        { id: 'b2', name: 'Bình', status: 'dự bị', flags: { exempt: false } },
        { id: 'c3', name: 'Cường', status: 'probationary', flags: { exempt: true, attachedHere: true } },
      ],
      [
        { id: 'a1', name: 'An', status: 'full', flags: { suspended: true } },
        { id: 'b2', name: 'Bình', status: 'probationary' },
        { id: 'c3', name: 'Cường', status: 'probationary', flags: { exempt: true, attachedHere: true } },
      ],
    ],
    [
      'a { members } wrapper with other keys',
      { cell: 'Chi bộ 3', exportedAt: '2025-10-01', members: [{ id: 'x', name: 'X', status: 'Chính thức' }] },
      [{ id: 'x', name: 'X', status: 'full' }],
    ],
    ['an empty array', [], []],
  ];
  for (const [name, data, expected] of accepted) {
    it(`accepts ${name}`, () => {
      assert.deepEqual(membersOf(importRosterJson(JSON.stringify(data))), expected);
    });
  }

  it('accepts a UTF-8 BOM', () => {
    assert.deepEqual(membersOf(importRosterJson('\uFEFF[{"id":"a","name":"A","status":"full"}]')), [{ id: 'a', name: 'A', status: 'full' }]);
  });

  const m = { id: 'a1', name: 'An', status: 'full' };
  const rejected: Array<[string, string, string[]]> = [
    ['invalid JSON', '[{"id": "a1",', ['0:(file)']],
    ['an empty file', '', ['0:(file)']],
    ['a number', '42', ['0:(file)']],
    ['an object without members', JSON.stringify({ roster: [m] }), ['0:(file)']],
    ['members that is not an array', JSON.stringify({ members: m }), ['0:(file)']],
    ['an element that is not an object', JSON.stringify([m, 'b2', null, [m]]), ['2:(element)', '3:(element)', '4:(element)']],
    ['missing fields', JSON.stringify([{}]), ['1:id', '1:name', '1:status']],
    ['fields of the wrong type', JSON.stringify([{ id: 7, name: null, status: true }]), ['1:id', '1:name', '1:status']],
    ['an unknown field', JSON.stringify([{ ...m, email: 'a@b.vn' }]), ['1:email']],
    ['a __proto__ field', '[{"id":"a1","name":"An","status":"full","__proto__":{"x":1}}]', ['1:__proto__']],
    ['flags that are not an object', JSON.stringify([{ ...m, flags: [true] }]), ['1:flags']],
    ['null flags', JSON.stringify([{ ...m, flags: null }]), ['1:flags']],
    ['an unknown flag', JSON.stringify([{ ...m, flags: { attached_here: true } }]), ['1:flags.attached_here']],
    ['a flag that is not a boolean', JSON.stringify([{ ...m, flags: { exempt: 'x' } }]), ['1:flags.exempt']],
    ['contradictory flags', JSON.stringify([{ ...m, flags: { attachedHere: true, attachedElsewhere: true } }]), ['1:flags.attachedElsewhere']],
    ['an empty id', JSON.stringify([{ ...m, id: '' }]), ['1:id']],
    ['an id of 65 characters', JSON.stringify([{ ...m, id: 'ư'.repeat(65) }]), ['1:id']],
    ['an id with a space', JSON.stringify([{ ...m, id: 'a 1' }]), ['1:id']],
    ['an empty name', JSON.stringify([{ ...m, name: '\t' }]), ['1:name']],
    ['a name of 121 characters', JSON.stringify([{ ...m, name: 'b'.repeat(121) }]), ['1:name']],
    ['an unknown status', JSON.stringify([{ ...m, status: 'official' }]), ['1:status']],
    ['a duplicate id', JSON.stringify([m, { ...m, name: 'Bình' }]), ['2:id']],
    ['5,001 elements', JSON.stringify(Array.from({ length: 5001 }, (_, i) => ({ ...m, id: `m${i}` }))), ['0:(file)']],
  ];
  for (const [name, text, expected] of rejected) {
    it(`rejects ${name}`, () => {
      assert.deepEqual(errorsOf(importRosterJson(text)), expected);
    });
  }

  it('names the element of the first use of a duplicate id', () => {
    const error = onlyError(importRosterJson(JSON.stringify([{ ...m, id: 'z' }, m, { ...m, name: 'Bình' }])));
    assert.match(error.reason.en, /element 2\b/);
    assert.match(error.reason.vi, /phần tử 2\b/);
  });

  it('accepts exactly 5,000 elements', () => {
    const data = Array.from({ length: 5000 }, (_, i) => ({ ...m, id: `m${i}` }));
    assert.equal(membersOf(importRosterJson(JSON.stringify(data))).length, 5000);
  });
});

// ---------------------------------------------------------------- properties

type FlagKey = keyof MemberFlags;
type Column = 'id' | 'name' | 'status' | FlagKey;
const FLAG_KEYS: readonly FlagKey[] = ['exempt', 'attachedHere', 'attachedElsewhere', 'suspended'];
const HEADER_SPELLINGS: Record<Column, readonly string[]> = {
  id: ['id', 'ma', 'Mã', 'ID'],
  name: ['name', 'ho_ten', 'Họ tên', 'HỌ VÀ TÊN'],
  status: ['status', 'trang_thai', 'Trạng thái', 'trạng thái'.normalize('NFD')],
  exempt: ['exempt', 'Miễn', 'MIEN'],
  attachedHere: ['attached_here', 'Sinh hoạt tạm thời đến', 'sinh_hoat_tam_thoi_den'],
  attachedElsewhere: ['Attached_Elsewhere', 'sinh hoạt tạm thời đi', 'SINH HOAT TAM THOI DI'],
  suspended: ['suspended', 'Đình chỉ', 'dinh_chi'],
};
const STATUS_SPELLINGS = {
  full: ['full', 'FULL', 'chính thức', 'Chính Thức', ' chinh thuc ', 'chính thức'.normalize('NFD')],
  probationary: ['probationary', 'Probationary', 'dự bị', 'DỰ BỊ', 'du bi', 'dự bị'.normalize('NFD')],
};
const TRUE_SPELLINGS = ['true', 'TRUE', '1', 'x', 'X', 'yes', 'có', 'Có', 'co'];
const FALSE_SPELLINGS = ['false', '0', '', ' ', 'no', 'không', 'KHÔNG', 'khong'];

const idArb = fc.string({ unit: fc.constantFrom(...'aZ09._-', 'đ', 'Ư', 'ễ', '中', '٣'), minLength: 1, maxLength: 64 });
/** Any text with a visible character, heavy on what CSV must quote. */
const nameArb = fc
  .string({
    unit: fc.oneof(
      fc.constantFrom(',', '"', '""', '\n', '\r\n', '\r', ' ', '\t', 'ễ', 'Đ', 'a', 'ư'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    ),
    maxLength: 40,
  })
  .filter((s) => s.trim() !== '' && [...s.trim().normalize('NFC')].length <= 120);
/** All four flags; never attached here and elsewhere at once. */
const flagsArb = fc
  .record({ exempt: fc.boolean(), attachedHere: fc.boolean(), attachedElsewhere: fc.boolean(), suspended: fc.boolean() })
  .map((f) => ({ ...f, attachedElsewhere: f.attachedElsewhere && !f.attachedHere }));
const memberArb = fc.record({
  id: idArb,
  name: nameArb,
  status: fc.constantFrom('full' as const, 'probationary' as const),
  flags: flagsArb,
});
type Generated = ReturnType<typeof memberArb.generate>['value'];
const rosterArb = fc.uniqueArray(memberArb, { selector: (m) => m.id, maxLength: 25 });
/** The required columns and some flag columns, in any order. */
const columnsArb = fc.subarray([...FLAG_KEYS]).chain((flags) => {
  const all: Column[] = ['id', 'name', 'status', ...flags];
  return fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length });
});

/** What the importer should return for a generated member, given the flag columns the file has. */
function expectedMember(m: Generated, columns: readonly Column[]): Member {
  const flags = Object.fromEntries(FLAG_KEYS.filter((k) => columns.includes(k) && m.flags[k]).map((k) => [k, true]));
  return { id: m.id, name: m.name.trim(), status: m.status, ...(Object.keys(flags).length > 0 ? { flags } : {}) };
}

const quoteCsv = (value: string, always: boolean): string =>
  always || /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;

describe('properties', () => {
  it('a valid roster written as CSV (any header spelling, order, quoting, line ends) imports back to the same members', () => {
    const styleArb = fc.record({
      eol: fc.constantFrom('\n', '\r\n'),
      bom: fc.boolean(),
      trailing: fc.boolean(),
      quoteAll: fc.boolean(),
      blankEvery: fc.nat(5),
    });
    fc.assert(
      fc.property(rosterArb, columnsArb, styleArb, fc.infiniteStream(fc.nat()), (roster, columns, style, picks) => {
        const pick = <T>(options: readonly T[]): T => options[picks.next().value % options.length]!;
        const cell = (m: Generated, c: Column): string => {
          if (c === 'id') return m.id;
          if (c === 'name') return m.name;
          if (c === 'status') return pick(STATUS_SPELLINGS[m.status]);
          return pick(m.flags[c] ? TRUE_SPELLINGS : FALSE_SPELLINGS);
        };
        const lines = [columns.map((c) => quoteCsv(pick(HEADER_SPELLINGS[c]), style.quoteAll)).join(',')];
        roster.forEach((m, i) => {
          if (style.blankEvery > 0 && i % style.blankEvery === 0) lines.push('');
          lines.push(columns.map((c) => quoteCsv(cell(m, c), style.quoteAll)).join(','));
        });
        const text = (style.bom ? '\uFEFF' : '') + lines.join(style.eol) + (style.trailing ? style.eol : '');
        assert.deepEqual(
          membersOf(importRosterCsv(text)),
          roster.map((m) => expectedMember(m, columns)),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('a valid roster written as JSON imports back to the same members', () => {
    fc.assert(
      fc.property(rosterArb, fc.boolean(), (roster, wrapped) => {
        const members = roster.map((m) => ({ id: m.id, name: m.name, status: m.status, flags: m.flags }));
        const text = JSON.stringify(wrapped ? { members } : members);
        assert.deepEqual(membersOf(importRosterJson(text)), roster.map((m) => expectedMember(m, FLAG_KEYS)));
      }),
      { numRuns: 200 },
    );
  });

  it('one bad row anywhere makes the whole CSV fail, with that row\'s line', () => {
    const singleLineName = nameArb.filter((s) => !/[\r\n]/.test(s));
    const bad = fc.constantFrom(',Tên,full', 'x y,Tên,full', 'ok1,,full', 'ok1,Tên,official', 'ok1,Tên');
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ id: idArb, name: singleLineName }), { selector: (m) => m.id, minLength: 1, maxLength: 20 }),
        fc.nat(),
        bad,
        (roster, at, badRow) => {
          const rows = roster.filter((m) => m.id !== 'ok1').map((m) => `${m.id},${quoteCsv(m.name, false)},full`);
          const index = at % (rows.length + 1);
          rows.splice(index, 0, badRow);
          const errors = errorsOf(importRosterCsv(csv(HEADER, ...rows)));
          assert.deepEqual(errors.map((e) => e.split(':')[0]), [String(index + 2)]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
