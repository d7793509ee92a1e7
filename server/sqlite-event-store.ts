import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { MeetingEvent, SealedBallot, Tally } from '../src/core/index.js';
import type { AppendEntry, EventStore, StoredEvent } from './event-store.js';

interface Row {
  seq: number;
  body: string;
}

/**
 * The embedded event store: one SQLite file in WAL mode. `synchronous = FULL`
 * makes every committed append survive a crash or power loss, so an event is
 * durable before the server acknowledges it.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement<[string, number, string | null, string, string]>;
  private readonly lastSeq: Database.Statement<[string], { seq: number | null }>;
  private readonly deposit: Database.Statement<[string, string, string]>;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS events (
        meeting_id  TEXT    NOT NULL,
        seq         INTEGER NOT NULL,
        command_key TEXT,
        type        TEXT    NOT NULL,
        body        TEXT    NOT NULL,
        PRIMARY KEY (meeting_id, seq)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS events_by_command ON events (meeting_id, command_key) WHERE command_key IS NOT NULL;
      -- Append-only: the record (and so adopted minutes) can never be changed or removed in place.
      CREATE TRIGGER IF NOT EXISTS events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
      CREATE TRIGGER IF NOT EXISTS events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
      -- Secret ballots: counts only, updated in place, never a row per ballot.
      CREATE TABLE IF NOT EXISTS ballot_box (
        meeting_id TEXT    NOT NULL,
        motion_id  TEXT    NOT NULL,
        choice     TEXT    NOT NULL CHECK (choice IN ('agree', 'disagree', 'other')),
        count      INTEGER NOT NULL,
        PRIMARY KEY (meeting_id, motion_id, choice)
      ) WITHOUT ROWID;
    `);
    this.deposit = this.db.prepare(
      'INSERT INTO ballot_box (meeting_id, motion_id, choice, count) VALUES (?, ?, ?, 1) ON CONFLICT (meeting_id, motion_id, choice) DO UPDATE SET count = count + 1',
    );
    this.insert = this.db.prepare('INSERT INTO events (meeting_id, seq, command_key, type, body) VALUES (?, ?, ?, ?, ?)');
    this.lastSeq = this.db.prepare('SELECT MAX(seq) AS seq FROM events WHERE meeting_id = ?');
  }

  async append(meetingId: string, events: readonly MeetingEvent[], commandKey?: string, sealed?: SealedBallot): Promise<StoredEvent[]> {
    const [stored] = await this.appendBatch(meetingId, [{ events, commandKey, sealed }]);
    return stored!;
  }

  appendBatch(meetingId: string, entries: readonly AppendEntry[]): Promise<StoredEvent[][]> {
    const write = this.db.transaction(() => {
      let seq = this.lastSeq.get(meetingId)?.seq ?? 0;
      return entries.map(({ events, commandKey, sealed }) => {
        if (sealed) this.deposit.run(meetingId, sealed.motionId, sealed.choice);
        return events.map((event) => {
          seq += 1;
          this.insert.run(meetingId, seq, commandKey ?? null, event.type, JSON.stringify(event));
          return { seq, event };
        });
      });
    });
    return Promise.resolve(write());
  }

  read(meetingId: string, afterSeq = 0): Promise<StoredEvent[]> {
    const rows = this.db
      .prepare<[string, number], Row>('SELECT seq, body FROM events WHERE meeting_id = ? AND seq > ? ORDER BY seq')
      .all(meetingId, afterSeq);
    return Promise.resolve(rows.map((row) => ({ seq: row.seq, event: JSON.parse(row.body) as MeetingEvent })));
  }

  seqOfCommand(meetingId: string, commandKey: string): Promise<number | undefined> {
    const row = this.db
      .prepare<[string, string], { seq: number | null }>('SELECT MAX(seq) AS seq FROM events WHERE meeting_id = ? AND command_key = ?')
      .get(meetingId, commandKey);
    return Promise.resolve(row?.seq ?? undefined);
  }

  ballotBox(meetingId: string): Promise<Record<string, Tally>> {
    const rows = this.db
      .prepare<[string], { motion_id: string; choice: keyof Tally; count: number }>('SELECT motion_id, choice, count FROM ballot_box WHERE meeting_id = ?')
      .all(meetingId);
    const box: Record<string, Tally> = {};
    for (const row of rows) box[row.motion_id] = { ...(box[row.motion_id] ?? { agree: 0, disagree: 0, other: 0 }), [row.choice]: row.count };
    return Promise.resolve(box);
  }

  meetingIds(): Promise<string[]> {
    const rows = this.db.prepare<[], { meeting_id: string }>('SELECT DISTINCT meeting_id FROM events').all();
    return Promise.resolve(rows.map((row) => row.meeting_id));
  }

  /** Copies the whole database, consistently, while the server keeps writing (SQLite's online backup). */
  async backup(file: string): Promise<void> {
    await this.db.backup(file);
  }

  close(): Promise<void> {
    this.db.close();
    return Promise.resolve();
  }
}
