import postgres from 'postgres';
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
    await this.sql`
      INSERT INTO registry_assessments (meeting_id, delegate_id, body)
      VALUES (${assessment.meetingId}, ${assessment.delegateId}, ${this.sql.json(assessment as unknown as Json)})
      ON CONFLICT (meeting_id, delegate_id) DO UPDATE SET body = excluded.body`;
  }

  async assessments(meetingId: string): Promise<Assessment[]> {
    const rows = await this.sql<{ body: Assessment }[]>`SELECT body FROM registry_assessments WHERE meeting_id = ${meetingId} ORDER BY n`;
    return rows.map((row) => row.body);
  }

  async close(): Promise<void> {
    await this.sql.end({ timeout: 5 });
  }
}
