/**
 * Roster import from CSV or JSON files: the bridge from a spreadsheet or the
 * Sổ tay đảng viên điện tử export to `Member` objects (DOMAIN.md "National
 * context": no public API is known, so rosters come in as files).
 *
 * All or nothing: a file with any error imports no member at all, and every
 * error found is reported, in both Vietnamese and English, so that the person
 * importing can fix the whole file in one pass.
 */
import type { Member, MemberFlags, MemberStatus } from '../types.js';
import { csvRecords, type CsvRecord } from './csv.js';

/** One problem in a roster file; `reason` is shown to the person importing. */
export interface RosterError {
  /**
   * CSV: the 1-based physical line where the record starts (the header is
   * line 1). JSON: the 1-based index of the element in the members array.
   * 0 for the file as a whole.
   */
  readonly line: number;
  /** `id`, `name`, `status`, a flag (`exempt`, `flags.exempt`), `(file)`, `(header)`, `(row)` or `(element)`. */
  readonly field: string;
  readonly reason: { readonly vi: string; readonly en: string };
}

/** The members of a valid file, or every error found; never both. */
export type RosterImport =
  | { readonly ok: true; readonly members: readonly Member[] }
  | { readonly ok: false; readonly errors: readonly RosterError[] };

type Reason = RosterError['reason'];
type FlagKey = keyof MemberFlags;
type Column = 'id' | 'name' | 'status' | FlagKey;

const MAX_ROWS = 5000;
const MAX_ID_LENGTH = 64;
const MAX_NAME_LENGTH = 120;
const ID_PATTERN = /^[\p{L}\p{N}._-]+$/u;
const FLAG_KEYS: readonly FlagKey[] = ['exempt', 'attachedHere', 'attachedElsewhere', 'suspended'];
const REQUIRED: readonly Column[] = ['id', 'name', 'status'];

/** Header names, compared after `normalizeKey`; Vietnamese with and without diacritics. */
const COLUMN_ALIASES: Readonly<Record<Column, readonly string[]>> = {
  id: ['id', 'ma', 'mã'],
  name: ['name', 'ho_ten', 'họ tên', 'họ và tên', 'ho va ten'],
  status: ['status', 'trang_thai', 'trạng thái'],
  exempt: ['exempt', 'miễn', 'mien'],
  attachedHere: ['attached_here', 'sinh hoạt tạm thời đến', 'sinh hoat tam thoi den'],
  attachedElsewhere: ['attached_elsewhere', 'sinh hoạt tạm thời đi', 'sinh hoat tam thoi di'],
  suspended: ['suspended', 'đình chỉ', 'dinh chi'],
};
const CSV_FIELD: Readonly<Record<Column, string>> = {
  id: 'id',
  name: 'name',
  status: 'status',
  exempt: 'exempt',
  attachedHere: 'attached_here',
  attachedElsewhere: 'attached_elsewhere',
  suspended: 'suspended',
};
const STATUS_VALUES: Readonly<Record<MemberStatus, readonly string[]>> = {
  full: ['full', 'chính thức', 'chinh thuc'],
  probationary: ['probationary', 'dự bị', 'du bi'],
};
const FLAG_TRUE = ['true', '1', 'x', 'yes', 'có', 'co'];
const FLAG_FALSE = ['false', '0', '', 'no', 'không', 'khong'];

/**
 * Trimmed, lower case, NFC (so NFD input from some editors matches), runs of
 * spaces and underscores as one space (`ho_ten` = `ho ten`).
 */
function normalizeKey(value: string): string {
  return value.trim().toLowerCase().normalize('NFC').replace(/[\s_]+/gu, ' ');
}

function lookup<K extends string>(table: Readonly<Record<K, readonly string[]>>): ReadonlyMap<string, K> {
  const map = new Map<string, K>();
  for (const key of Object.keys(table) as K[]) for (const alias of table[key]) map.set(normalizeKey(alias), key);
  return map;
}
const COLUMN_BY_KEY = lookup(COLUMN_ALIASES);
const STATUS_BY_KEY = lookup(STATUS_VALUES);
const FLAG_BY_KEY = lookup({ true: FLAG_TRUE, false: FLAG_FALSE });

/** Code points, so a Vietnamese letter counts as one character. */
const length = (value: string): number => [...value].length;
/** User input echoed in a message, cut short. */
const quote = (value: string): string => JSON.stringify(length(value) > 40 ? `${[...value].slice(0, 40).join('')}…` : value);

/** How one format names fields and positions in its messages. */
interface Format {
  readonly field: (column: Column) => string;
  readonly unit: Reason;
}
const CSV_FORMAT: Format = { field: (c) => CSV_FIELD[c], unit: { vi: 'dòng', en: 'line' } };
const JSON_FORMAT: Format = {
  field: (c) => (FLAG_KEYS.includes(c as FlagKey) ? `flags.${c}` : c),
  unit: { vi: 'phần tử', en: 'element' },
};

const MESSAGES = {
  emptyFile: { vi: 'Tệp trống, không có dòng tiêu đề.', en: 'The file is empty: there is no header row.' },
  tooMany: {
    vi: `Danh sách có hơn ${MAX_ROWS} đảng viên; hãy chia thành nhiều tệp.`,
    en: `The roster has more than ${MAX_ROWS} members; split it into several files.`,
  },
  invalidJson: { vi: 'Tệp không phải JSON hợp lệ.', en: 'The file is not valid JSON.' },
  jsonShape: {
    vi: 'Tệp JSON phải là một mảng đảng viên hoặc một đối tượng có mảng "members".',
    en: 'The JSON must be an array of members or an object with a "members" array.',
  },
  unclosedQuote: {
    vi: 'Dấu ngoặc kép mở ở đây không được đóng trước khi hết tệp.',
    en: 'A quoted field that starts here is not closed before the end of the file.',
  },
  strayQuote: {
    vi: 'Có dấu ngoặc kép giữa một trường không nằm trong ngoặc kép; hãy bao cả trường trong ngoặc kép và viết "" cho mỗi dấu ngoặc kép.',
    en: 'A quote appears inside an unquoted field; quote the whole field and write "" for each quote.',
  },
  textAfterQuote: {
    vi: 'Có ký tự sau dấu ngoặc kép đóng của trường.',
    en: 'Characters follow the closing quote of a field.',
  },
  missingColumn: (name: string): Reason => ({ vi: `Thiếu cột bắt buộc "${name}".`, en: `The required column "${name}" is missing.` }),
  unknownColumn: (name: string): Reason => ({ vi: `Cột không xác định: ${quote(name)}.`, en: `Unknown column: ${quote(name)}.` }),
  duplicateColumn: (name: string): Reason => ({ vi: `Cột "${name}" xuất hiện nhiều lần.`, en: `The column "${name}" appears more than once.` }),
  fieldCount: (expected: number, actual: number): Reason => ({
    vi: `Dòng có ${actual} trường nhưng tiêu đề có ${expected} cột.`,
    en: `The row has ${actual} fields but the header has ${expected} columns.`,
  }),
  notObject: { vi: 'Phần tử phải là một đối tượng.', en: 'The element must be an object.' },
  missingField: { vi: 'Thiếu trường bắt buộc.', en: 'This required field is missing.' },
  unknownField: { vi: 'Trường không xác định.', en: 'Unknown field.' },
  notString: { vi: 'Giá trị phải là một chuỗi.', en: 'The value must be a string.' },
  notBoolean: { vi: 'Giá trị phải là true hoặc false.', en: 'The value must be true or false.' },
  flagsNotObject: { vi: '"flags" phải là một đối tượng.', en: '"flags" must be an object.' },
  idEmpty: { vi: 'Mã đảng viên bị trống.', en: 'The member id is empty.' },
  idTooLong: {
    vi: `Mã đảng viên dài quá ${MAX_ID_LENGTH} ký tự.`,
    en: `The member id is longer than ${MAX_ID_LENGTH} characters.`,
  },
  idNfd: {
    vi: 'Mã đảng viên có chữ ở dạng tổ hợp (Unicode NFD); hãy lưu tệp ở dạng dựng sẵn (NFC).',
    en: 'The member id has letters in decomposed form (Unicode NFD); save the file in composed form (NFC).',
  },
  idChars: {
    vi: 'Mã đảng viên chỉ được gồm chữ, số và các dấu ". _ -", không có khoảng trắng.',
    en: 'The member id may contain only letters, digits and ". _ -", without spaces.',
  },
  idDuplicate: (format: Format, first: number): Reason => ({
    vi: `Mã đảng viên trùng với ${format.unit.vi} ${first}.`,
    en: `Duplicate member id: already used on ${format.unit.en} ${first}.`,
  }),
  nameEmpty: { vi: 'Họ tên bị trống.', en: 'The name is empty.' },
  nameTooLong: {
    vi: `Họ tên dài quá ${MAX_NAME_LENGTH} ký tự.`,
    en: `The name is longer than ${MAX_NAME_LENGTH} characters.`,
  },
  statusInvalid: (value: string): Reason => ({
    vi: `Trạng thái ${quote(value)} không hợp lệ; dùng "chính thức" hoặc "dự bị".`,
    en: `Invalid status ${quote(value)}; use "full" or "probationary".`,
  }),
  flagInvalid: (value: string): Reason => ({
    vi: `Giá trị ${quote(value)} không hợp lệ; dùng có/không, x hoặc để trống.`,
    en: `Invalid value ${quote(value)}; use yes/no, true/false, 1/0, x or leave it empty.`,
  }),
  flagsContradict: {
    vi: 'Một đảng viên không thể vừa sinh hoạt tạm thời đến chi bộ này vừa sinh hoạt tạm thời đi nơi khác.',
    en: 'A member cannot be both temporarily attached here and temporarily attached elsewhere.',
  },
} as const;

/** Errors in file order; within a line, in the order they were found (the sort is stable). */
const failure = (errors: readonly RosterError[]): RosterImport => ({ ok: false, errors: [...errors].sort((a, b) => a.line - b.line) });

/**
 * One record after the format-specific parsing. A field is `undefined` when
 * its error is already reported (missing column, wrong JSON type): it is not
 * checked again, and the record yields no member.
 */
interface Candidate {
  readonly line: number;
  readonly id: string | undefined;
  readonly name: string | undefined;
  readonly status: string | undefined;
  readonly flags: Partial<Record<FlagKey, boolean>> | undefined;
}

/** The checks both formats share; returns the members when no error was found. */
function checkCandidates(candidates: readonly Candidate[], format: Format, errors: RosterError[]): readonly Member[] {
  const firstLineOf = new Map<string, number>();
  const members: Member[] = [];
  for (const c of candidates) {
    const before = errors.length;
    const fail = (column: Column, reason: Reason): void => {
      errors.push({ line: c.line, field: format.field(column), reason });
    };
    if (c.id !== undefined) {
      if (c.id === '') fail('id', MESSAGES.idEmpty);
      else if (length(c.id) > MAX_ID_LENGTH) fail('id', MESSAGES.idTooLong);
      else if (!ID_PATTERN.test(c.id)) fail('id', ID_PATTERN.test(c.id.normalize('NFC')) ? MESSAGES.idNfd : MESSAGES.idChars);
      else {
        const first = firstLineOf.get(c.id);
        if (first === undefined) firstLineOf.set(c.id, c.line);
        else fail('id', MESSAGES.idDuplicate(format, first));
      }
    }
    const name = c.name?.trim();
    if (name !== undefined) {
      if (name === '') fail('name', MESSAGES.nameEmpty);
      else if (length(name.normalize('NFC')) > MAX_NAME_LENGTH) fail('name', MESSAGES.nameTooLong);
    }
    const status = c.status === undefined ? undefined : STATUS_BY_KEY.get(normalizeKey(c.status));
    if (c.status !== undefined && status === undefined) fail('status', MESSAGES.statusInvalid(c.status));
    if (c.flags?.attachedHere === true && c.flags.attachedElsewhere === true) {
      fail('attachedElsewhere', MESSAGES.flagsContradict);
    }
    if (errors.length > before || c.id === undefined || name === undefined || status === undefined || c.flags === undefined) {
      continue;
    }
    const flags: Partial<Record<FlagKey, boolean>> = {};
    for (const key of FLAG_KEYS) if (c.flags[key] === true) flags[key] = true;
    members.push({ id: c.id, name, status, ...(Object.keys(flags).length > 0 ? { flags } : {}) });
  }
  return members;
}

const stripBom = (text: string): string => (text.startsWith('\uFEFF') ? text.slice(1) : text);

/**
 * Reads a roster from CSV (RFC 4180; UTF-8 BOM, CRLF or LF, blank lines
 * ignored). The first row is the header; columns are found by name, in any
 * order, in English or Vietnamese, case-insensitively: `id` (`mã`), `name`
 * (`họ tên`, `họ và tên`), `status` (`trạng thái`: `full` / `chính thức`,
 * `probationary` / `dự bị`), and the optional flags `exempt` (`miễn`),
 * `attached_here` (`sinh hoạt tạm thời đến`), `attached_elsewhere`
 * (`sinh hoạt tạm thời đi`), `suspended` (`đình chỉ`) with the values
 * yes/no, true/false, 1/0, x/empty, có/không. Vietnamese names and values are
 * also accepted without diacritics, and `_` or spaces between words.
 *
 * Error lines are the physical lines where records start, header = line 1.
 */
export function importRosterCsv(text: string): RosterImport {
  const records: CsvRecord[] = [];
  let header: CsvRecord | undefined;
  for (const record of csvRecords(stripBom(text))) {
    if (record.blank && !record.issues.length) continue;
    if (header === undefined) header = record;
    else if (records.push(record) > MAX_ROWS) return failure([{ line: 0, field: '(file)', reason: MESSAGES.tooMany }]);
  }
  if (header === undefined) return failure([{ line: 0, field: '(file)', reason: MESSAGES.emptyFile }]);

  const errors: RosterError[] = [];
  const headerLine = header.line;
  for (const { issue } of header.issues) errors.push({ line: headerLine, field: '(header)', reason: MESSAGES[issue] });
  const columns: Array<Column | undefined> = [];
  const present = new Set<Column>();
  header.fields.forEach((raw, index) => {
    const column = COLUMN_BY_KEY.get(normalizeKey(raw));
    const name = raw.trim();
    if (column === undefined) {
      errors.push({ line: headerLine, field: name || `(column ${index + 1})`, reason: MESSAGES.unknownColumn(name) });
    } else if (present.has(column)) {
      errors.push({ line: headerLine, field: CSV_FIELD[column], reason: MESSAGES.duplicateColumn(CSV_FIELD[column]) });
    }
    columns.push(column !== undefined && !present.has(column) ? column : undefined);
    if (column !== undefined) present.add(column);
  });
  for (const column of REQUIRED) {
    if (!present.has(column)) errors.push({ line: headerLine, field: column, reason: MESSAGES.missingColumn(column) });
  }

  const candidates: Candidate[] = [];
  for (const record of records) {
    const fieldOf = (index: number): string => {
      const column = columns[index];
      return column === undefined ? '(row)' : CSV_FIELD[column];
    };
    for (const { issue, index } of record.issues) {
      errors.push({ line: record.line, field: fieldOf(index), reason: MESSAGES[issue] });
    }
    // An unclosed quote swallowed the rest of the file: nothing more to say about its fields.
    if (record.issues.some((x) => x.issue === 'unclosedQuote')) continue;
    if (record.fields.length !== header.fields.length) {
      errors.push({ line: record.line, field: '(row)', reason: MESSAGES.fieldCount(header.fields.length, record.fields.length) });
      continue;
    }
    const value = (column: Column): string | undefined => {
      const index = columns.indexOf(column);
      return index < 0 || record.issues.some((x) => x.index === index) ? undefined : record.fields[index];
    };
    let flags: Partial<Record<FlagKey, boolean>> | undefined = {};
    for (const key of FLAG_KEYS) {
      const raw = value(key);
      if (raw === undefined) continue;
      const parsed = FLAG_BY_KEY.get(normalizeKey(raw));
      if (parsed === undefined) {
        errors.push({ line: record.line, field: CSV_FIELD[key], reason: MESSAGES.flagInvalid(raw) });
        flags = undefined;
      } else if (flags !== undefined) {
        flags[key] = parsed === 'true';
      }
    }
    candidates.push({ line: record.line, id: value('id'), name: value('name'), status: value('status'), flags });
  }
  const members = checkCandidates(candidates, CSV_FORMAT, errors);
  return errors.length > 0 ? failure(errors) : { ok: true, members };
}

// ---------------------------------------------------------------- JSON

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a roster from JSON: an array of `{ id, name, status, flags? }`, or
 * `{ members: [...] }` (other keys of that wrapper are ignored). `status`
 * takes the same values as the CSV column; `flags` has the `MemberFlags`
 * keys with boolean values.
 *
 * An error's `line` is the 1-based index of the element in the members
 * array (0 for the file as a whole); `field` is e.g. `status` or
 * `flags.exempt`.
 */
export function importRosterJson(text: string): RosterImport {
  let data: unknown;
  try {
    data = JSON.parse(stripBom(text));
  } catch {
    return failure([{ line: 0, field: '(file)', reason: MESSAGES.invalidJson }]);
  }
  const list = Array.isArray(data) ? data : isObject(data) && Array.isArray(data['members']) ? data['members'] : undefined;
  if (list === undefined) return failure([{ line: 0, field: '(file)', reason: MESSAGES.jsonShape }]);
  if (list.length > MAX_ROWS) return failure([{ line: 0, field: '(file)', reason: MESSAGES.tooMany }]);

  const errors: RosterError[] = [];
  const candidates: Candidate[] = [];
  list.forEach((element: unknown, index) => {
    const line = index + 1;
    if (!isObject(element)) {
      errors.push({ line, field: '(element)', reason: MESSAGES.notObject });
      return;
    }
    for (const key of Object.keys(element)) {
      if (!['id', 'name', 'status', 'flags'].includes(key)) errors.push({ line, field: key, reason: MESSAGES.unknownField });
    }
    const stringField = (key: 'id' | 'name' | 'status'): string | undefined => {
      const value = Object.hasOwn(element, key) ? element[key] : undefined;
      if (typeof value === 'string') return value;
      errors.push({ line, field: key, reason: value === undefined ? MESSAGES.missingField : MESSAGES.notString });
      return undefined;
    };
    let flags: Partial<Record<FlagKey, boolean>> | undefined = {};
    const rawFlags = Object.hasOwn(element, 'flags') ? element['flags'] : undefined;
    if (rawFlags === undefined) {
      // No flags: all false.
    } else if (!isObject(rawFlags)) {
      errors.push({ line, field: 'flags', reason: MESSAGES.flagsNotObject });
      flags = undefined;
    } else {
      for (const [key, value] of Object.entries(rawFlags)) {
        if (!(FLAG_KEYS as readonly string[]).includes(key)) {
          errors.push({ line, field: `flags.${key}`, reason: MESSAGES.unknownField });
        } else if (typeof value !== 'boolean') {
          errors.push({ line, field: `flags.${key}`, reason: MESSAGES.notBoolean });
          flags = undefined;
        } else if (flags !== undefined) {
          flags[key as FlagKey] = value;
        }
      }
    }
    candidates.push({ line, id: stringField('id'), name: stringField('name'), status: stringField('status'), flags });
  });
  const members = checkCandidates(candidates, JSON_FORMAT, errors);
  return errors.length > 0 ? failure(errors) : { ok: true, members };
}
