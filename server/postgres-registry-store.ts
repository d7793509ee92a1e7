import postgres from 'postgres';
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
import { byListing, cellListing, MEETING_COLUMNS, meetingRows, memberRow, reportCellRows, type CellListingColumns, type MonthTuple, type ReportCellParts } from './report-rows.js';

/** Options of the PostgreSQL registry. */
export interface PostgresRegistryStoreOptions {
  /** A `postgres://` connection address (the server reads it from `DATABASE_URL`). */
  readonly url: string;
  /** The schema holding the tables, created if missing; `public` by default (beside the event log). */
  readonly schema?: string;
  /** Connections in the pool. */
  readonly maxConnections?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Rows per multi-row INSERT: well under PostgreSQL's 65,535 parameters (21 columns a row). */
const ROWS_PER_INSERT = 2000;
/** Attendance lines per INSERT … SELECT FROM unnest (ten array parameters). */
const ATTENDANCE_PER_INSERT = 20_000;

type Json = postgres.JSONValue;

/**
 * The registry for a province: PostgreSQL, shared by several server
 * processes. Scheduling takes a transaction-scoped advisory lock on the cell,
 * so the count against HD 03's yearly limit and the insert are one step for
 * every process; each write resolves after COMMIT (durable with the default
 * `synchronous_commit = on`).
 */
export class PostgresRegistryStore implements RegistryStore {
  private constructor(private readonly sql: postgres.Sql) {}

  /** Connects, creates the schema and tables if missing, and resolves with the store. */
  static async open(options: PostgresRegistryStoreOptions): Promise<PostgresRegistryStore> {
    const schema = options.schema ?? 'public';
    if (!SCHEMA_NAME.test(schema)) throw new Error(`Invalid schema name: ${schema}`);
    const sql = postgres(options.url, {
      max: options.maxConnections ?? 5,
      onnotice: () => {},
      connection: { search_path: schema, application_name: 'party-meeting-registry' },
    });
    try {
      // Processes starting together would race on CREATE … IF NOT EXISTS (a duplicate catalogue row): one at a time.
      await sql.begin(async (tx) => {
        await tx`SELECT pg_advisory_xact_lock(hashtextextended('party-meeting-registry-schema', 0))`;
        await tx.unsafe(`
        CREATE SCHEMA IF NOT EXISTS ${schema};
        CREATE TABLE IF NOT EXISTS ${schema}.registry_cells (
          id   text  PRIMARY KEY,
          body jsonb NOT NULL
        );
        CREATE TABLE IF NOT EXISTS ${schema}.registry_meetings (
          id           text        PRIMARY KEY,
          cell_id      text        NOT NULL,
          parent_id    text,
          scheduled_at timestamptz NOT NULL,
          -- The Vietnam-time year of an online or hybrid meeting (HD 03's yearly limit); NULL in person.
          online_year  integer,
          body         jsonb       NOT NULL
        );
        CREATE INDEX IF NOT EXISTS registry_meetings_by_cell ON ${schema}.registry_meetings (cell_id, scheduled_at);
        CREATE INDEX IF NOT EXISTS registry_meetings_by_parent ON ${schema}.registry_meetings (parent_id, scheduled_at);
        CREATE TABLE IF NOT EXISTS ${schema}.registry_revocations (
          meeting_id     text        NOT NULL,
          participant_id text        NOT NULL,
          revoked_at     timestamptz NOT NULL,
          PRIMARY KEY (meeting_id, participant_id)
        );
        CREATE TABLE IF NOT EXISTS ${schema}.registry_assessments (
          n           bigserial,
          meeting_id  text  NOT NULL,
          delegate_id text  NOT NULL,
          body        jsonb NOT NULL,
          PRIMARY KEY (meeting_id, delegate_id)
        );
        -- The pilot report (seed 004): one line per held meeting, written when it closes…
        CREATE TABLE IF NOT EXISTS ${schema}.report_meetings (
          meeting_id            text    PRIMARY KEY,
          cell_id               text    NOT NULL,
          parent_id             text,
          cell_name             text    NOT NULL,
          title                 text    NOT NULL,
          scheduled_at          text    NOT NULL,
          held_at               text    NOT NULL,
          held_ms               bigint  NOT NULL,
          year                  integer NOT NULL,
          month                 integer NOT NULL,
          kind                  text    NOT NULL,
          mode                  text    NOT NULL,
          members_counted       integer NOT NULL,
          present               integer NOT NULL,
          present_in_person     integer NOT NULL,
          present_online        integer NOT NULL,
          absent_with_reason    integer NOT NULL,
          absent_without_reason integer NOT NULL,
          duration_minutes      integer NOT NULL,
          required_minutes      integer NOT NULL,
          duration_met          boolean NOT NULL,
          -- The members absent without reason, as JSON text [{ memberId, name }].
          absentees             text    NOT NULL,
          -- Kept up to date by recordAssessment: how many delegates assessed it, and their mean score.
          assessments           integer NOT NULL DEFAULT 0,
          score                 double precision
        );
        CREATE INDEX IF NOT EXISTS report_meetings_by_cell ON ${schema}.report_meetings (year, cell_id);
        CREATE INDEX IF NOT EXISTS report_meetings_by_parent ON ${schema}.report_meetings (year, parent_id);
        -- …and one line per member of its roll.
        CREATE TABLE IF NOT EXISTS ${schema}.report_attendance (
          meeting_id text    NOT NULL,
          member_id  text    NOT NULL,
          cell_id    text    NOT NULL,
          parent_id  text,
          year       integer NOT NULL,
          month      integer NOT NULL,
          name       text    NOT NULL,
          mark       text    NOT NULL,
          counted    boolean NOT NULL,
          present    boolean NOT NULL,
          PRIMARY KEY (meeting_id, member_id)
        );
        CREATE INDEX IF NOT EXISTS report_attendance_by_cell ON ${schema}.report_attendance (year, cell_id, member_id, month);
        -- Each member's year, aggregated from report_attendance in SQL whenever a meeting of the cell is written,
        -- so that the report reads one row per member instead of every attendance line.
        CREATE TABLE IF NOT EXISTS ${schema}.report_members (
          year                  integer NOT NULL,
          cell_id               text    NOT NULL,
          member_id             text    NOT NULL,
          parent_id             text,
          name                  text    NOT NULL,
          meetings              integer NOT NULL,
          present               integer NOT NULL,
          absent_without_reason integer NOT NULL,
          -- Distinct months with a meeting missed without reason (Điều lệ Đảng, Điều 8, khoản 2).
          months_absent         integer NOT NULL,
          -- [[month, meetings, present, absent with reason, absent without reason], …] by month, as JSON text
          months                text    NOT NULL,
          PRIMARY KEY (year, cell_id, member_id)
        );
        CREATE INDEX IF NOT EXISTS report_members_by_parent ON ${schema}.report_members (year, parent_id);
      `);
      });
    } catch (error) {
      await sql.end({ timeout: 1 });
      throw error;
    }
    return new PostgresRegistryStore(sql);
  }

  async createCell(cell: CellRecord): Promise<boolean> {
    const rows = await this.sql`
      INSERT INTO registry_cells (id, body) VALUES (${cell.id}, ${this.sql.json(cell as unknown as Json)})
      ON CONFLICT (id) DO NOTHING RETURNING id`;
    return rows.length === 1;
  }

  async cell(id: string): Promise<CellRecord | undefined> {
    const [row] = await this.sql<{ body: CellRecord }[]>`SELECT body FROM registry_cells WHERE id = ${id}`;
    return row?.body;
  }

  async replaceRoster(cellId: string, members: readonly Member[], importedAt: string): Promise<boolean> {
    const change = { members, rosterImportedAt: importedAt };
    const rows = await this.sql`
      UPDATE registry_cells SET body = body || ${this.sql.json(change as unknown as Json)} WHERE id = ${cellId} RETURNING id`;
    return rows.length === 1;
  }

  async onlineMeetingsInYear(cellId: string, year: number): Promise<number> {
    const [row] = await this.sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM registry_meetings WHERE cell_id = ${cellId} AND online_year = ${year}`;
    return row!.n;
  }

  async scheduleMeeting(meeting: ScheduledMeeting, onlineLimit?: number): Promise<ScheduleResult> {
    const year = isOnline(meeting.mode) ? vietnamYear(meeting.scheduledAt) : null;
    return this.sql.begin(async (tx): Promise<ScheduleResult> => {
      await tx`SELECT pg_advisory_xact_lock(hashtextextended(${`registry-cell:${meeting.cellId}`}, 0))`;
      if (year !== null && onlineLimit !== undefined) {
        const [row] = await tx<{ n: number }[]>`
          SELECT count(*)::int AS n FROM registry_meetings WHERE cell_id = ${meeting.cellId} AND online_year = ${year}`;
        if (row!.n >= onlineLimit) return { ok: false, reason: 'online-limit', used: row!.n };
      }
      const inserted = await tx`
        INSERT INTO registry_meetings (id, cell_id, parent_id, scheduled_at, online_year, body)
        VALUES (${meeting.id}, ${meeting.cellId}, ${meeting.parentId ?? null}, ${new Date(meeting.scheduledAt)}, ${year},
                ${tx.json(meeting as unknown as Json)})
        ON CONFLICT (id) DO NOTHING RETURNING id`;
      return inserted.length === 1 ? { ok: true } : { ok: false, reason: 'duplicate-id' };
    }) as Promise<ScheduleResult>;
  }

  async removeMeeting(id: string): Promise<void> {
    await this.sql`DELETE FROM registry_meetings WHERE id = ${id}`;
  }

  async meeting(id: string): Promise<ScheduledMeeting | undefined> {
    const [row] = await this.sql<{ body: ScheduledMeeting }[]>`SELECT body FROM registry_meetings WHERE id = ${id}`;
    return row?.body;
  }

  async meetings(query: MeetingQuery): Promise<ScheduledMeeting[]> {
    const sql = this.sql;
    const units = query.units ? [...query.units] : undefined;
    const rows = await sql<{ body: ScheduledMeeting }[]>`
      SELECT body FROM registry_meetings
      WHERE true
        ${units ? sql`AND (cell_id = ANY(${units}::text[]) OR parent_id = ANY(${units}::text[]))` : sql``}
        ${query.unit !== undefined ? sql`AND (cell_id = ${query.unit} OR parent_id = ${query.unit})` : sql``}
        ${query.from !== undefined ? sql`AND scheduled_at >= ${new Date(query.from)}` : sql``}
        ${query.to !== undefined ? sql`AND scheduled_at < ${new Date(query.to)}` : sql``}
      ORDER BY scheduled_at, id
      ${query.limit !== undefined ? sql`LIMIT ${query.limit}` : sql``}`;
    return rows.map((row) => row.body);
  }

  async revoke(meetingId: string, participantId: string, at: string): Promise<void> {
    await this.sql`
      INSERT INTO registry_revocations (meeting_id, participant_id, revoked_at) VALUES (${meetingId}, ${participantId}, ${new Date(at)})
      ON CONFLICT (meeting_id, participant_id) DO UPDATE SET revoked_at = greatest(registry_revocations.revoked_at, excluded.revoked_at)`;
  }

  async revokedAt(meetingId: string, participantId: string): Promise<string | undefined> {
    const [row] = await this.sql<{ revoked_at: Date }[]>`
      SELECT revoked_at FROM registry_revocations WHERE meeting_id = ${meetingId} AND participant_id = ${participantId}`;
    return row?.revoked_at.toISOString();
  }

  async recordAssessment(assessment: Assessment): Promise<void> {
    await this.sql.begin(async (tx) => {
      await tx`
        INSERT INTO registry_assessments (meeting_id, delegate_id, body)
        VALUES (${assessment.meetingId}, ${assessment.delegateId}, ${tx.json(assessment as unknown as Json)})
        ON CONFLICT (meeting_id, delegate_id) DO UPDATE SET body = excluded.body`;
      await this.rescore(tx, assessment.meetingId);
    });
  }

  /** Recomputes a report line's assessment count and mean score. */
  private async rescore(tx: postgres.TransactionSql, meetingId: string): Promise<void> {
    await tx`
      UPDATE report_meetings SET
        assessments = (SELECT count(*) FROM registry_assessments WHERE meeting_id = ${meetingId}),
        score = (SELECT avg((body->>'score')::float8) FROM registry_assessments WHERE meeting_id = ${meetingId})
      WHERE meeting_id = ${meetingId}`;
  }

  async assessments(meetingId: string): Promise<Assessment[]> {
    const rows = await this.sql<{ body: Assessment }[]>`SELECT body FROM registry_assessments WHERE meeting_id = ${meetingId} ORDER BY n`;
    return rows.map((row) => row.body);
  }

  /** A scope (`units`, `unit`) over a report table's cell_id and parent_id. */
  private scope(query: CellQuery) {
    const sql = this.sql;
    const units = query.units ? [...query.units] : undefined;
    return sql`
      ${units ? sql`AND (cell_id = ANY(${units}::text[]) OR parent_id = ANY(${units}::text[]))` : sql``}
      ${query.unit !== undefined ? sql`AND (cell_id = ${query.unit} OR parent_id = ${query.unit})` : sql``}`;
  }

  /** A scope over registry_cells (its parent is in the body). */
  private cellScope(query: CellQuery) {
    const sql = this.sql;
    const units = query.units ? [...query.units] : undefined;
    return sql`
      ${units ? sql`AND (id = ANY(${units}::text[]) OR body->>'parentId' = ANY(${units}::text[]))` : sql``}
      ${query.unit !== undefined ? sql`AND (id = ${query.unit} OR body->>'parentId' = ${query.unit})` : sql``}`;
  }

  async cells(query: CellQuery): Promise<CellListing[]> {
    const rows = await this.sql<CellListingColumns[]>`
      SELECT id, body->>'name' AS name, body->>'unitKind' AS unit_kind, body->>'parentId' AS parent_id, body->>'parentName' AS parent_name,
             body->>'locality' AS locality, jsonb_array_length(body->'members') AS members,
             (SELECT count(*)::int FROM jsonb_array_elements(body->'members') AS m WHERE m->>'status' = 'full') AS full
      FROM registry_cells WHERE true ${this.cellScope(query)}`;
    return rows.map(cellListing).sort(byListing);
  }

  async updateMeetingDefinition(id: string, definition: MeetingDefinition): Promise<boolean> {
    const rows = await this.sql`
      UPDATE registry_meetings SET body = jsonb_set(body, '{definition}', ${this.sql.json(definition as unknown as Json)}) WHERE id = ${id} RETURNING id`;
    return rows.length === 1;
  }

  recordMeetingReport(entry: MeetingReportEntry): Promise<void> {
    return this.recordMeetingReports([entry]);
  }

  async recordMeetingReports(given: readonly MeetingReportEntry[]): Promise<void> {
    if (given.length === 0) return;
    // A meeting written twice in one batch: its last line wins, as if written one after the other.
    const entries = [...new Map(given.map((e) => [e.meetingId, e])).values()];
    const lines = entries.map((e) => ({
      meeting_id: e.meetingId,
      cell_id: e.cellId,
      parent_id: e.parentId ?? null,
      cell_name: e.cellName,
      title: e.title,
      scheduled_at: e.scheduledAt,
      held_at: e.heldAt,
      held_ms: Date.parse(e.heldAt),
      year: e.year,
      month: e.month,
      kind: e.kind,
      mode: e.mode,
      members_counted: e.membersCounted,
      present: e.present,
      present_in_person: e.presentInPerson,
      present_online: e.presentOnline,
      absent_with_reason: e.absentWithReason,
      absent_without_reason: e.absentWithoutReason,
      duration_minutes: e.durationMinutes,
      required_minutes: e.requiredMinutes,
      duration_met: e.durationMet,
      absentees: JSON.stringify(e.members.filter((m) => m.counted && m.mark === 'absent-without-reason').map((m) => ({ memberId: m.memberId, name: m.name }))),
    }));
    const members = entries.flatMap((e) =>
      e.members.map((m) => ({
        meeting_id: e.meetingId,
        member_id: m.memberId,
        cell_id: e.cellId,
        parent_id: e.parentId ?? null,
        year: e.year,
        month: e.month,
        name: m.name,
        mark: m.mark,
        counted: m.counted,
        present: m.present,
      })),
    );
    const ids = entries.map((e) => e.meetingId);
    await this.sql.begin(async (tx) => {
      // The (year, cell) pairs whose members' rows are summed again: where the meetings were, and are now.
      const before = await tx<{ year: number; cell_id: string }[]>`SELECT year, cell_id FROM report_meetings WHERE meeting_id = ANY(${ids}::text[])`;
      const pairs = new Map<string, { year: number; cellId: string }>();
      for (const p of [...before.map((b) => ({ year: b.year, cellId: b.cell_id })), ...entries.map((e) => ({ year: e.year, cellId: e.cellId }))]) {
        pairs.set(`${p.year}\u0000${p.cellId}`, p);
      }
      for (let i = 0; i < lines.length; i += ROWS_PER_INSERT) {
        await tx`
          INSERT INTO report_meetings ${tx(lines.slice(i, i + ROWS_PER_INSERT))}
          ON CONFLICT (meeting_id) DO UPDATE SET cell_id = excluded.cell_id, parent_id = excluded.parent_id, cell_name = excluded.cell_name,
            title = excluded.title, scheduled_at = excluded.scheduled_at, held_at = excluded.held_at, held_ms = excluded.held_ms,
            year = excluded.year, month = excluded.month, kind = excluded.kind, mode = excluded.mode, members_counted = excluded.members_counted,
            present = excluded.present, present_in_person = excluded.present_in_person, present_online = excluded.present_online,
            absent_with_reason = excluded.absent_with_reason, absent_without_reason = excluded.absent_without_reason,
            duration_minutes = excluded.duration_minutes, required_minutes = excluded.required_minutes, duration_met = excluded.duration_met,
            absentees = excluded.absentees`;
      }
      await tx`
        UPDATE report_meetings AS r SET assessments = a.n, score = a.score
        FROM (SELECT meeting_id, count(*)::int AS n, avg((body->>'score')::float8) AS score FROM registry_assessments
              WHERE meeting_id = ANY(${ids}::text[]) GROUP BY meeting_id) AS a
        WHERE r.meeting_id = a.meeting_id`;
      await tx`DELETE FROM report_attendance WHERE meeting_id = ANY(${ids}::text[])`;
      // Column arrays through unnest: one parameter per column instead of one per value.
      for (let i = 0; i < members.length; i += ATTENDANCE_PER_INSERT) {
        const chunk = members.slice(i, i + ATTENDANCE_PER_INSERT);
        const column = <K extends keyof (typeof chunk)[number]>(key: K) => chunk.map((m) => m[key]);
        await tx`
          INSERT INTO report_attendance (meeting_id, member_id, cell_id, parent_id, year, month, name, mark, counted, present)
          SELECT meeting_id, member_id, cell_id, parent_id, year, month, name, mark, counted <> 0, present <> 0
          FROM unnest(${column('meeting_id')}::text[], ${column('member_id')}::text[], ${column('cell_id')}::text[],
                      ${column('parent_id')}::text[], ${column('year')}::int[], ${column('month')}::int[], ${column('name')}::text[],
                      ${column('mark')}::text[], ${chunk.map((m) => (m.counted ? 1 : 0))}::int[], ${chunk.map((m) => (m.present ? 1 : 0))}::int[])
            AS t (meeting_id, member_id, cell_id, parent_id, year, month, name, mark, counted, present)`;
      }
      const years = [...pairs.values()].map((p) => p.year);
      const cells = [...pairs.values()].map((p) => p.cellId);
      await tx`DELETE FROM report_members WHERE (year, cell_id) IN (SELECT * FROM unnest(${years}::int[], ${cells}::text[]))`;
      // Each member's year from their attendance lines: GROUP BY month, then by member.
      await tx`
        INSERT INTO report_members (year, cell_id, member_id, parent_id, name, meetings, present, absent_without_reason, months_absent, months)
        SELECT year, cell_id, member_id, max(parent_id), max(name), sum(n)::int, sum(p)::int, sum(awo)::int, count(*) FILTER (WHERE awo > 0)::int,
               json_agg(json_build_array(month, n, p, awr, awo) ORDER BY month)::text
        FROM (SELECT a.year, a.cell_id, a.member_id, max(a.parent_id) AS parent_id, max(a.name) AS name, a.month, count(*)::int AS n,
                     count(*) FILTER (WHERE a.present)::int AS p, count(*) FILTER (WHERE a.mark = 'absent-with-reason')::int AS awr,
                     count(*) FILTER (WHERE a.mark = 'absent-without-reason')::int AS awo
              FROM report_attendance AS a JOIN unnest(${years}::int[], ${cells}::text[]) AS t (year, cell_id) ON a.year = t.year AND a.cell_id = t.cell_id
              WHERE a.counted
              GROUP BY a.year, a.cell_id, a.member_id, a.month) AS by_month
        GROUP BY year, cell_id, member_id`;
    });
  }

  async reportCells(query: ReportQuery): Promise<ReportCellRow[]> {
    const sql = this.sql;
    const [known, scheduled, held, warned] = await Promise.all([
      sql<ReportCellParts['known'][number][]>`
        SELECT id, body->>'name' AS name, body->>'unitKind' AS unit_kind, body->>'parentId' AS parent_id, body->>'parentName' AS parent_name
        FROM registry_cells WHERE true ${this.cellScope(query)}`,
      sql<{ cell_id: string; n: number }[]>`
        SELECT cell_id, count(*)::int AS n FROM registry_meetings WHERE online_year = ${query.year} ${this.scope(query)} GROUP BY cell_id`,
      sql<ReportCellParts['held'][number][]>`
        SELECT cell_id, max(cell_name) AS cell_name, max(parent_id) AS parent_id, count(*)::int AS held,
               count(*) FILTER (WHERE mode <> 'in-person')::int AS online, sum(members_counted)::int AS counted, sum(present)::int AS present,
               sum(absent_without_reason)::int AS awo, count(*) FILTER (WHERE NOT duration_met)::int AS short, avg(score)::float8 AS score
        FROM report_meetings WHERE year = ${query.year} ${this.scope(query)} GROUP BY cell_id`,
      sql<{ cell_id: string; n: number }[]>`
        SELECT cell_id, count(*)::int AS n FROM report_members
        WHERE year = ${query.year} ${this.scope(query)} AND months_absent >= ${REMOVAL_REVIEW_MONTHS - 1} GROUP BY cell_id`,
    ]);
    return reportCellRows({ known, scheduled, held, warned });
  }

  async reportMeetings(query: ReportQuery): Promise<ReportMeetingRow[]> {
    const rows = await this.sql`
      SELECT ${this.sql.unsafe(MEETING_COLUMNS)} FROM report_meetings
      WHERE year = ${query.year} ${this.scope(query)} ORDER BY held_ms, meeting_id COLLATE "C"`.values();
    return meetingRows(rows);
  }

  async reportMembers(query: ReportQuery): Promise<ReportMemberRow[]> {
    const rows = (await this.sql`
      SELECT cell_id, member_id, name, meetings, present, months FROM report_members
      WHERE year = ${query.year} ${this.scope(query)} ORDER BY cell_id COLLATE "C", member_id COLLATE "C"`.values()) as unknown as Array<[string, string, string, number, number, string]>;
    return rows.map((r) => memberRow(r[0], r[1], r[2], r[3], r[4], JSON.parse(r[5]) as MonthTuple[]));
  }

  async close(): Promise<void> {
    await this.sql.end({ timeout: 5 });
  }
}
