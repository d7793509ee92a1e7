import postgres from 'postgres';
import type { MeetingEvent, SealedBallot, Tally } from '../src/core/index.js';
import type { AppendEntry, EventStore, StoredEvent } from './event-store.js';

/** Options of the PostgreSQL store. */
export interface PostgresEventStoreOptions {
  /** A `postgres://` connection address (the server reads it from `DATABASE_URL`). */
  readonly url: string;
  /** The schema holding the tables, created if missing; `public` by default. */
  readonly schema?: string;
  /** Connections in the pool. */
  readonly maxConnections?: number;
  /**
   * This process's owner id when several processes share the record
   * (server/ownership.ts): every append checks, in its transaction, that this
   * process still holds the meeting's lease, and fails with
   * `OwnershipLostError` otherwise.
   */
  readonly owner?: string;
}

/** An append by a process that no longer owns the meeting: another process serves it now. */
export class OwnershipLostError extends Error {
  constructor(readonly meetingId: string) {
    super(`This process no longer owns meeting ${meetingId}.`);
  }
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The event store for a province: PostgreSQL, shared by several server
 * processes. An append takes a transaction-scoped advisory lock on the
 * meeting, so appends to one meeting from any connection or process are
 * numbered one after the other without a gap or a duplicate (the primary key
 * would refuse a duplicate anyway); it resolves after COMMIT, which with
 * PostgreSQL's default `synchronous_commit = on` means the WAL is flushed:
 * the event is durable before the server acknowledges it.
 */
export class PostgresEventStore implements EventStore {
  private constructor(
    private readonly sql: postgres.Sql,
    private readonly owner?: string,
  ) {}

  /** Connects, creates the schema and tables if missing, and resolves with the store. */
  static async open(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const schema = options.schema ?? 'public';
    if (!SCHEMA_NAME.test(schema)) throw new Error(`Invalid schema name: ${schema}`);
    const sql = postgres(options.url, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
      connection: { search_path: schema, application_name: 'party-meeting' },
    });
    try {
      await sql.unsafe(`
        CREATE SCHEMA IF NOT EXISTS ${schema};
        CREATE TABLE IF NOT EXISTS ${schema}.events (
          meeting_id  text   NOT NULL,
          seq         bigint NOT NULL CHECK (seq > 0),
          command_key text,
          type        text   NOT NULL,
          at          timestamptz NOT NULL,
          body        jsonb  NOT NULL,
          PRIMARY KEY (meeting_id, seq)
        );
        CREATE INDEX IF NOT EXISTS events_by_command ON ${schema}.events (meeting_id, command_key) WHERE command_key IS NOT NULL;
        -- Append-only: the record (and so adopted minutes) can never be changed or removed in place.
        CREATE OR REPLACE FUNCTION ${schema}.events_append_only() RETURNS trigger LANGUAGE plpgsql AS
          $$ BEGIN RAISE EXCEPTION 'the event log is append-only'; END $$;
        CREATE OR REPLACE TRIGGER events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ${schema}.events
          FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.events_append_only();
        -- Which process serves which meeting (server/ownership.ts), and until when.
        CREATE TABLE IF NOT EXISTS ${schema}.meeting_owners (
          meeting_id  text PRIMARY KEY,
          owner       text NOT NULL,
          url         text NOT NULL,
          lease_until timestamptz NOT NULL
        );
        -- Secret ballots: counts only, updated in place, never a row per ballot.
        CREATE TABLE IF NOT EXISTS ${schema}.ballot_box (
          meeting_id text    NOT NULL,
          motion_id  text    NOT NULL,
          choice     text    NOT NULL CHECK (choice IN ('agree', 'disagree', 'other')),
          count      integer NOT NULL,
          PRIMARY KEY (meeting_id, motion_id, choice)
        );
      `);
    } catch (error) {
      await sql.end({ timeout: 1 });
      throw error;
    }
    return new PostgresEventStore(sql, options.owner);
  }

  async append(meetingId: string, events: readonly MeetingEvent[], commandKey?: string, sealed?: SealedBallot): Promise<StoredEvent[]> {
    const [stored] = await this.appendBatch(meetingId, [{ events, commandKey, sealed }]);
    return stored!;
  }

  async appendBatch(meetingId: string, entries: readonly AppendEntry[]): Promise<StoredEvent[][]> {
    return this.sql.begin(async (tx) => {
      if (this.owner) {
        // The fence: a takeover (an UPDATE of this row) waits for this transaction, and this one sees a lease it lost.
        const held = await tx`
          SELECT 1 FROM meeting_owners WHERE meeting_id = ${meetingId} AND owner = ${this.owner} AND lease_until > now() FOR SHARE`;
        if (held.length === 0) throw new OwnershipLostError(meetingId);
      }
      await tx`SELECT pg_advisory_xact_lock(hashtextextended(${meetingId}, 0))`;
      for (const { sealed } of entries) {
        if (!sealed) continue;
        await tx`
          INSERT INTO ballot_box (meeting_id, motion_id, choice, count) VALUES (${meetingId}, ${sealed.motionId}, ${sealed.choice}, 1)
          ON CONFLICT (meeting_id, motion_id, choice) DO UPDATE SET count = ballot_box.count + 1`;
      }
      const [last] = await tx<{ seq: string | null }[]>`SELECT max(seq) AS seq FROM events WHERE meeting_id = ${meetingId}`;
      let seq = Number(last?.seq ?? 0);
      const stored = entries.map(({ events }) => events.map((event) => ({ seq: ++seq, event })));
      const rows = entries.flatMap(({ commandKey }, i) =>
        stored[i]!.map(({ seq: n, event }) => ({
          meeting_id: meetingId,
          seq: n,
          command_key: commandKey ?? null,
          type: event.type,
          at: event.at,
          body: tx.json(event as unknown as postgres.JSONValue),
        })),
      );
      if (rows.length > 0) await tx`INSERT INTO events ${tx(rows, 'meeting_id', 'seq', 'command_key', 'type', 'at', 'body')}`;
      return stored;
    }) as Promise<StoredEvent[][]>;
  }

  async read(meetingId: string, afterSeq = 0): Promise<StoredEvent[]> {
    const rows = await this.sql<{ seq: string; body: MeetingEvent }[]>`
      SELECT seq, body FROM events WHERE meeting_id = ${meetingId} AND seq > ${afterSeq} ORDER BY seq`;
    return rows.map((row) => ({ seq: Number(row.seq), event: row.body }));
  }

  async seqOfCommand(meetingId: string, commandKey: string): Promise<number | undefined> {
    const [row] = await this.sql<{ seq: string | null }[]>`
      SELECT max(seq) AS seq FROM events WHERE meeting_id = ${meetingId} AND command_key = ${commandKey}`;
    return row?.seq == null ? undefined : Number(row.seq);
  }

  async ballotBox(meetingId: string): Promise<Record<string, Tally>> {
    const rows = await this.sql<{ motion_id: string; choice: keyof Tally; count: number }[]>`
      SELECT motion_id, choice, count FROM ballot_box WHERE meeting_id = ${meetingId}`;
    const box: Record<string, Tally> = {};
    for (const row of rows) box[row.motion_id] = { ...(box[row.motion_id] ?? { agree: 0, disagree: 0, other: 0 }), [row.choice]: row.count };
    return box;
  }

  async meetingIds(): Promise<string[]> {
    const rows = await this.sql<{ meeting_id: string }[]>`SELECT DISTINCT meeting_id FROM events`;
    return rows.map((row) => row.meeting_id);
  }

  async close(): Promise<void> {
    await this.sql.end({ timeout: 5 });
  }
}
