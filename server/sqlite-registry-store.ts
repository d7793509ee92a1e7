import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Member } from '../src/core/index.js';
import {
  isOnline,
  vietnamYear,
  type Assessment,
  type CellRecord,
  type MeetingQuery,
  type RegistryStore,
  type ScheduledMeeting,
  type ScheduleResult,
} from './registry-store.js';

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
    this.db
      .prepare(
        `INSERT INTO registry_assessments (meeting_id, delegate_id, body) VALUES (?, ?, ?)
         ON CONFLICT (meeting_id, delegate_id) DO UPDATE SET body = excluded.body`,
      )
      .run(assessment.meetingId, assessment.delegateId, JSON.stringify(assessment));
    return Promise.resolve();
  }

  assessments(meetingId: string): Promise<Assessment[]> {
    const rows = this.db
      .prepare<[string], { body: string }>('SELECT body FROM registry_assessments WHERE meeting_id = ? ORDER BY rowid')
      .all(meetingId);
    return Promise.resolve(rows.map((row) => JSON.parse(row.body) as Assessment));
  }

  close(): Promise<void> {
    this.db.close();
    return Promise.resolve();
  }
}
