import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { REMOVAL_REVIEW_MONTHS, type MeetingDefinition, type Member} from '../src/core/index.js';
import {
  isOnline,
  vietnamYear,
  type Assessment,
  type CellListing,
  type CellQuery,
  type CellRecord,
  type MeetingQuery,
  type MeetingReportEntry,
  type RegistryStore,
  type ReportCellRow,
  type ReportMeetingRow,
  type ReportMemberRow,
  type ReportQuery,
  type ScheduledMeeting,
  type ScheduleResult,
} from './registry-store.js';
import { cellListing, MEETING_COLUMNS, meetingRows, memberRow, reportCellRows, type CellListingColumns, type MonthTuple, type ReportCellParts } from './report-rows.js';

/** A scope (`units`, `unit`) as a WHERE fragment over a cell column and a parent column, with its parameters. */
function scopeSql(query: CellQuery, cell: string, parent: string): { sql: string; params: string[] } {
  const parts: string[] = [];
  const params: string[] = [];
  if (query.units) {
    const units = JSON.stringify(query.units);
    parts.push(`(${cell} IN (SELECT value FROM json_each(?)) OR ${parent} IN (SELECT value FROM json_each(?)))`);
    params.push(units, units);
  }
  if (query.unit !== undefined) {
    parts.push(`(${cell} = ? OR ${parent} = ?)`);
    params.push(query.unit, query.unit);
  }
  return { sql: parts.length ? parts.join(' AND ') : '1', params };
}


/**
 * The embedded registry: one SQLite file (`registry.sqlite` beside the event
 * log), WAL mode with `synchronous = FULL` like the event store, so a write
 * the API acknowledges survives a crash. Records are JSON in a `body` column;
 * the columns beside it are what the queries filter on.
 */
export class SqliteRegistryStore implements RegistryStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    // A second process on the same file waits for the writer instead of failing at once.
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS registry_cells (
        id   TEXT PRIMARY KEY,
        body TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS registry_meetings (
        id           TEXT    PRIMARY KEY,
        cell_id      TEXT    NOT NULL,
        parent_id    TEXT,
        scheduled_ms INTEGER NOT NULL,
        -- The Vietnam-time year of an online or hybrid meeting (HD 03's yearly limit); NULL in person.
        online_year  INTEGER,
        body         TEXT    NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS registry_meetings_by_cell ON registry_meetings (cell_id, scheduled_ms);
      CREATE INDEX IF NOT EXISTS registry_meetings_by_parent ON registry_meetings (parent_id, scheduled_ms);
      CREATE TABLE IF NOT EXISTS registry_revocations (
        meeting_id     TEXT NOT NULL,
        participant_id TEXT NOT NULL,
        revoked_at     TEXT NOT NULL,
        PRIMARY KEY (meeting_id, participant_id)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS registry_assessments (
        meeting_id  TEXT NOT NULL,
        delegate_id TEXT NOT NULL,
        body        TEXT NOT NULL,
        UNIQUE (meeting_id, delegate_id)
      );
      -- The pilot report (seed 004): one line per held meeting, written when it closes…
      CREATE TABLE IF NOT EXISTS report_meetings (
        meeting_id            TEXT    PRIMARY KEY,
        cell_id               TEXT    NOT NULL,
        parent_id             TEXT,
        cell_name             TEXT    NOT NULL,
        title                 TEXT    NOT NULL,
        scheduled_at          TEXT    NOT NULL,
        held_at               TEXT    NOT NULL,
        held_ms               INTEGER NOT NULL,
        year                  INTEGER NOT NULL,
        month                 INTEGER NOT NULL,
        kind                  TEXT    NOT NULL,
        mode                  TEXT    NOT NULL,
        members_counted       INTEGER NOT NULL,
        present               INTEGER NOT NULL,
        present_in_person     INTEGER NOT NULL,
        present_online        INTEGER NOT NULL,
        absent_with_reason    INTEGER NOT NULL,
        absent_without_reason INTEGER NOT NULL,
        duration_minutes      INTEGER NOT NULL,
        required_minutes      INTEGER NOT NULL,
        duration_met          INTEGER NOT NULL,
        -- The members absent without reason, as JSON [{ memberId, name }].
        absentees             TEXT    NOT NULL,
        -- Kept up to date by recordAssessment: how many delegates assessed it, and their mean score.
        assessments           INTEGER NOT NULL DEFAULT 0,
        score                 REAL
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS report_meetings_by_cell ON report_meetings (year, cell_id);
      CREATE INDEX IF NOT EXISTS report_meetings_by_parent ON report_meetings (year, parent_id);
      -- …and one line per member of its roll.
      CREATE TABLE IF NOT EXISTS report_attendance (
        meeting_id TEXT    NOT NULL,
        member_id  TEXT    NOT NULL,
        cell_id    TEXT    NOT NULL,
        parent_id  TEXT,
        year       INTEGER NOT NULL,
        month      INTEGER NOT NULL,
        name       TEXT    NOT NULL,
        mark       TEXT    NOT NULL,
        counted    INTEGER NOT NULL,
        present    INTEGER NOT NULL,
        PRIMARY KEY (meeting_id, member_id)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS report_attendance_by_cell ON report_attendance (year, cell_id, member_id, month);
      -- Each member's year, aggregated from report_attendance in SQL whenever a meeting of the cell is written,
      -- so that the report reads one row per member instead of every attendance line.
      CREATE TABLE IF NOT EXISTS report_members (
        year                  INTEGER NOT NULL,
        cell_id               TEXT    NOT NULL,
        member_id             TEXT    NOT NULL,
        parent_id             TEXT,
        name                  TEXT    NOT NULL,
        meetings              INTEGER NOT NULL,
        present               INTEGER NOT NULL,
        absent_without_reason INTEGER NOT NULL,
        -- Distinct months with a meeting missed without reason (Điều lệ Đảng, Điều 8, khoản 2).
        months_absent         INTEGER NOT NULL,
        -- [[month, meetings, present, absent with reason, absent without reason], …] by month, as JSON.
        months                TEXT    NOT NULL,
        PRIMARY KEY (year, cell_id, member_id)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS report_members_by_parent ON report_members (year, parent_id);
    `);
  }

  createCell(cell: CellRecord): Promise<boolean> {
    const result = this.db.prepare('INSERT INTO registry_cells (id, body) VALUES (?, ?) ON CONFLICT (id) DO NOTHING').run(cell.id, JSON.stringify(cell));
    return Promise.resolve(result.changes === 1);
  }

  cell(id: string): Promise<CellRecord | undefined> {
    const row = this.db.prepare<[string], { body: string }>('SELECT body FROM registry_cells WHERE id = ?').get(id);
    return Promise.resolve(row ? (JSON.parse(row.body) as CellRecord) : undefined);
  }

  replaceRoster(cellId: string, members: readonly Member[], importedAt: string): Promise<boolean> {
    const update = this.db.transaction(() => {
      const row = this.db.prepare<[string], { body: string }>('SELECT body FROM registry_cells WHERE id = ?').get(cellId);
      if (!row) return false;
      const cell: CellRecord = { ...(JSON.parse(row.body) as CellRecord), members, rosterImportedAt: importedAt };
      this.db.prepare('UPDATE registry_cells SET body = ? WHERE id = ?').run(JSON.stringify(cell), cellId);
      return true;
    });
    return Promise.resolve(update.immediate());
  }

  private countOnline(cellId: string, year: number): number {
    return this.db
      .prepare<[string, number], { n: number }>('SELECT count(*) AS n FROM registry_meetings WHERE cell_id = ? AND online_year = ?')
      .get(cellId, year)!.n;
  }

  onlineMeetingsInYear(cellId: string, year: number): Promise<number> {
    return Promise.resolve(this.countOnline(cellId, year));
  }

  scheduleMeeting(meeting: ScheduledMeeting, onlineLimit?: number): Promise<ScheduleResult> {
    const year = isOnline(meeting.mode) ? vietnamYear(meeting.scheduledAt) : null;
    // IMMEDIATE: the write lock is taken before the count, so another connection cannot count in between.
    const schedule = this.db.transaction((): ScheduleResult => {
      if (this.db.prepare('SELECT 1 FROM registry_meetings WHERE id = ?').get(meeting.id)) return { ok: false, reason: 'duplicate-id' };
      if (year !== null && onlineLimit !== undefined) {
        const used = this.countOnline(meeting.cellId, year);
        if (used >= onlineLimit) return { ok: false, reason: 'online-limit', used };
      }
      this.db
        .prepare('INSERT INTO registry_meetings (id, cell_id, parent_id, scheduled_ms, online_year, body) VALUES (?, ?, ?, ?, ?, ?)')
        .run(meeting.id, meeting.cellId, meeting.parentId ?? null, Date.parse(meeting.scheduledAt), year, JSON.stringify(meeting));
      return { ok: true };
    });
    return Promise.resolve(schedule.immediate());
  }

  removeMeeting(id: string): Promise<void> {
    this.db.prepare('DELETE FROM registry_meetings WHERE id = ?').run(id);
    return Promise.resolve();
  }

  meeting(id: string): Promise<ScheduledMeeting | undefined> {
    const row = this.db.prepare<[string], { body: string }>('SELECT body FROM registry_meetings WHERE id = ?').get(id);
    return Promise.resolve(row ? (JSON.parse(row.body) as ScheduledMeeting) : undefined);
  }

  meetings(query: MeetingQuery): Promise<ScheduledMeeting[]> {
    const where: string[] = [];
    const params: Array<string | number> = [];
    if (query.units) {
      const units = JSON.stringify(query.units);
      where.push('(cell_id IN (SELECT value FROM json_each(?)) OR parent_id IN (SELECT value FROM json_each(?)))');
      params.push(units, units);
    }
    if (query.unit !== undefined) {
      where.push('(cell_id = ? OR parent_id = ?)');
      params.push(query.unit, query.unit);
    }
    if (query.from !== undefined) {
      where.push('scheduled_ms >= ?');
      params.push(Date.parse(query.from));
    }
    if (query.to !== undefined) {
      where.push('scheduled_ms < ?');
      params.push(Date.parse(query.to));
    }
    const sql = `SELECT body FROM registry_meetings ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY scheduled_ms, id LIMIT ?`;
    const rows = this.db.prepare<unknown[], { body: string }>(sql).all(...params, query.limit ?? -1);
    return Promise.resolve(rows.map((row) => JSON.parse(row.body) as ScheduledMeeting));
  }

  revoke(meetingId: string, participantId: string, at: string): Promise<void> {
    // ISO 8601 in UTC with milliseconds sorts as text; a later revocation moves the cut-off, an earlier one does not.
    this.db
      .prepare(
        `INSERT INTO registry_revocations (meeting_id, participant_id, revoked_at) VALUES (?, ?, ?)
         ON CONFLICT (meeting_id, participant_id) DO UPDATE SET revoked_at = max(revoked_at, excluded.revoked_at)`,
      )
      .run(meetingId, participantId, new Date(at).toISOString());
    return Promise.resolve();
  }

  revokedAt(meetingId: string, participantId: string): Promise<string | undefined> {
    const row = this.db
      .prepare<[string, string], { revoked_at: string }>('SELECT revoked_at FROM registry_revocations WHERE meeting_id = ? AND participant_id = ?')
      .get(meetingId, participantId);
    return Promise.resolve(row?.revoked_at);
  }

  recordAssessment(assessment: Assessment): Promise<void> {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO registry_assessments (meeting_id, delegate_id, body) VALUES (?, ?, ?)
           ON CONFLICT (meeting_id, delegate_id) DO UPDATE SET body = excluded.body`,
        )
        .run(assessment.meetingId, assessment.delegateId, JSON.stringify(assessment));
      this.db.prepare(`UPDATE report_meetings SET ${SCORE_COLUMNS} WHERE meeting_id = ?`).run(assessment.meetingId, assessment.meetingId, assessment.meetingId);
    }).immediate();
    return Promise.resolve();
  }

  assessments(meetingId: string): Promise<Assessment[]> {
    const rows = this.db
      .prepare<[string], { body: string }>('SELECT body FROM registry_assessments WHERE meeting_id = ? ORDER BY rowid')
      .all(meetingId);
    return Promise.resolve(rows.map((row) => JSON.parse(row.body) as Assessment));
  }

  cells(query: CellQuery): Promise<CellListing[]> {
    const scope = scopeSql(query, 'id', "json_extract(body, '$.parentId')");
    const rows = this.db
      .prepare<string[], CellListingColumns>(
        `SELECT id, json_extract(body, '$.name') AS name, json_extract(body, '$.unitKind') AS unit_kind,
                json_extract(body, '$.parentId') AS parent_id, json_extract(body, '$.parentName') AS parent_name,
                json_extract(body, '$.locality') AS locality, json_array_length(body, '$.members') AS members,
                (SELECT count(*) FROM json_each(body, '$.members') WHERE json_extract(value, '$.status') = 'full') AS full
         FROM registry_cells WHERE ${scope.sql} ORDER BY name, id`,
      )
      .all(...scope.params);
    return Promise.resolve(rows.map(cellListing));
  }

  updateMeetingDefinition(id: string, definition: MeetingDefinition): Promise<boolean> {
    const update = this.db.transaction(() => {
      const row = this.db.prepare<[string], { body: string }>('SELECT body FROM registry_meetings WHERE id = ?').get(id);
      if (!row) return false;
      const meeting: ScheduledMeeting = { ...(JSON.parse(row.body) as ScheduledMeeting), definition };
      this.db.prepare('UPDATE registry_meetings SET body = ? WHERE id = ?').run(JSON.stringify(meeting), id);
      return true;
    });
    return Promise.resolve(update.immediate());
  }

  recordMeetingReport(entry: MeetingReportEntry): Promise<void> {
    return this.recordMeetingReports([entry]);
  }

  recordMeetingReports(entries: readonly MeetingReportEntry[]): Promise<void> {
    const line = this.db.prepare(
      `INSERT OR REPLACE INTO report_meetings (meeting_id, cell_id, parent_id, cell_name, title, scheduled_at, held_at, held_ms, year, month, kind, mode,
         members_counted, present, present_in_person, present_online, absent_with_reason, absent_without_reason,
         duration_minutes, required_minutes, duration_met, absentees, assessments, score)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, NULL)`,
    );
    const previous = this.db.prepare<[string], { cell_id: string; year: number }>('SELECT cell_id, year FROM report_meetings WHERE meeting_id = ?');
    const rescore = this.db.prepare(`UPDATE report_meetings SET ${SCORE_COLUMNS} WHERE meeting_id = ?`);
    const clear = this.db.prepare('DELETE FROM report_attendance WHERE meeting_id = ?');
    const member = this.db.prepare(
      `INSERT INTO report_attendance (meeting_id, member_id, cell_id, parent_id, year, month, name, mark, counted, present)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const forget = this.db.prepare('DELETE FROM report_members WHERE year = ? AND cell_id = ?');
    // One member's year from their attendance lines: GROUP BY month, then by member.
    const sum = this.db.prepare(
      `INSERT INTO report_members (year, cell_id, member_id, parent_id, name, meetings, present, absent_without_reason, months_absent, months)
       SELECT year, cell_id, member_id, max(parent_id), max(name), sum(n), sum(p), sum(awo), sum(awo > 0),
              json_group_array(json_array(month, n, p, awr, awo) ORDER BY month)
       FROM (SELECT year, cell_id, member_id, max(parent_id) AS parent_id, max(name) AS name, month, count(*) AS n, sum(present) AS p,
                    sum(mark = 'absent-with-reason') AS awr, sum(mark = 'absent-without-reason') AS awo
             FROM report_attendance WHERE year = ? AND cell_id = ? AND counted = 1
             GROUP BY member_id, month)
       GROUP BY member_id`,
    );
    this.db.transaction(() => {
      const touched = new Map<string, { year: number; cellId: string }>();
      const touch = (year: number, cellId: string) => touched.set(`${year}\u0000${cellId}`, { year, cellId });
      for (const entry of entries) {
        const before = previous.get(entry.meetingId);
        if (before) touch(before.year, before.cell_id);
        touch(entry.year, entry.cellId);
        const parent = entry.parentId ?? null;
        const absentees = entry.members.filter((m) => m.counted && m.mark === 'absent-without-reason').map((m) => ({ memberId: m.memberId, name: m.name }));
        line.run(
          entry.meetingId, entry.cellId, parent, entry.cellName, entry.title, entry.scheduledAt, entry.heldAt, Date.parse(entry.heldAt), entry.year, entry.month,
          entry.kind, entry.mode, entry.membersCounted, entry.present, entry.presentInPerson, entry.presentOnline, entry.absentWithReason,
          entry.absentWithoutReason, entry.durationMinutes, entry.requiredMinutes, entry.durationMet ? 1 : 0, JSON.stringify(absentees),
        );
        rescore.run(entry.meetingId, entry.meetingId, entry.meetingId);
        clear.run(entry.meetingId);
        for (const m of entry.members) {
          member.run(entry.meetingId, m.memberId, entry.cellId, parent, entry.year, entry.month, m.name, m.mark, m.counted ? 1 : 0, m.present ? 1 : 0);
        }
      }
      for (const { year, cellId } of touched.values()) {
        forget.run(year, cellId);
        sum.run(year, cellId);
      }
    }).immediate();
    return Promise.resolve();
  }

  reportCells(query: ReportQuery): Promise<ReportCellRow[]> {
    const registered = scopeSql(query, 'id', "json_extract(body, '$.parentId')");
    const known = this.db
      .prepare<string[], ReportCellParts['known'][number]>(
        `SELECT id, json_extract(body, '$.name') AS name, json_extract(body, '$.unitKind') AS unit_kind,
                json_extract(body, '$.parentId') AS parent_id, json_extract(body, '$.parentName') AS parent_name
         FROM registry_cells WHERE ${registered.sql}`,
      )
      .all(...registered.params);
    const scheduledScope = scopeSql(query, 'cell_id', 'parent_id');
    const scheduled = this.db
      .prepare<unknown[], ReportCellParts['scheduled'][number]>(
        `SELECT cell_id, count(*) AS n FROM registry_meetings WHERE online_year = ? AND ${scheduledScope.sql} GROUP BY cell_id`,
      )
      .all(query.year, ...scheduledScope.params);
    const scope = this.reportScope(query);
    const held = this.db
      .prepare<unknown[], ReportCellParts['held'][number]>(
        `SELECT cell_id, max(cell_name) AS cell_name, max(parent_id) AS parent_id, count(*) AS held, sum(mode <> 'in-person') AS online,
                sum(members_counted) AS counted, sum(present) AS present, sum(absent_without_reason) AS awo,
                sum(duration_met = 0) AS short, avg(score) AS score
         FROM report_meetings WHERE year = ? AND ${scope.sql} GROUP BY cell_id`,
      )
      .all(query.year, ...scope.params);
    const warned = this.db
      .prepare<unknown[], ReportCellParts['warned'][number]>(
        `SELECT cell_id, count(*) AS n FROM report_members WHERE year = ? AND ${scope.sql} AND months_absent >= ? GROUP BY cell_id`,
      )
      .all(query.year, ...scope.params, WARNING_MONTHS);
    return Promise.resolve(reportCellRows({ known, scheduled, held, warned }));
  }


  reportMeetings(query: ReportQuery): Promise<ReportMeetingRow[]> {
    const scope = this.reportScope(query);
    const rows = this.db
      .prepare<unknown[], unknown[]>(`SELECT ${MEETING_COLUMNS} FROM report_meetings WHERE year = ? AND ${scope.sql} ORDER BY held_ms, meeting_id`)
      .raw(true)
      .all(query.year, ...scope.params);
    return Promise.resolve(meetingRows(rows));
  }

  reportMembers(query: ReportQuery): Promise<ReportMemberRow[]> {
    const scope = this.reportScope(query);
    const rows = this.db
      .prepare<unknown[], [string, string, string, number, number, string]>(
        `SELECT cell_id, member_id, name, meetings, present, months FROM report_members WHERE year = ? AND ${scope.sql} ORDER BY cell_id, member_id`,
      )
      .raw(true)
      .all(query.year, ...scope.params);
    return Promise.resolve(rows.map((r) => memberRow(r[0], r[1], r[2], r[3], r[4], JSON.parse(r[5]) as MonthTuple[])));
  }

  /**
   * A scope over the report tables as `cell_id IN (…)`: the cells named, and
   * the cells under the units named (found by the (year, parent_id) index),
   * so that each query reads its rows by (year, cell_id) instead of scanning.
   * Its first parameter is the year again.
   */
  private reportScope(query: CellQuery & { year: number }): { sql: string; params: Array<string | number> } {
    const parts: string[] = [];
    const params: Array<string | number> = [];
    if (query.units) {
      const units = JSON.stringify(query.units);
      parts.push(`cell_id IN (SELECT value FROM json_each(?) UNION SELECT DISTINCT cell_id FROM report_meetings WHERE year = ? AND parent_id IN (SELECT value FROM json_each(?)))`);
      params.push(units, query.year, units);
    }
    if (query.unit !== undefined) {
      parts.push('cell_id IN (SELECT ? UNION SELECT DISTINCT cell_id FROM report_meetings WHERE year = ? AND parent_id = ?)');
      params.push(query.unit, query.year, query.unit);
    }
    return { sql: parts.length ? parts.join(' AND ') : '1', params };
  }

  close(): Promise<void> {
    this.db.close();
    return Promise.resolve();
  }
}

/** Months absent without reason from which the core warns (absenceLevel: 'warning' one month before the review). */
const WARNING_MONTHS = REMOVAL_REVIEW_MONTHS - 1;

/** Recomputes a report line's assessment count and mean score (three parameters: the meeting id). */
const SCORE_COLUMNS = `assessments = (SELECT count(*) FROM registry_assessments WHERE meeting_id = ?),
  score = (SELECT avg(json_extract(body, '$.score')) FROM registry_assessments WHERE meeting_id = ?)`;

