import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it as test } from 'node:test';
import type { MeetingEvent } from '../../src/core/index.js';
import type { EventStore } from '../../server/event-store.js';
import Database from 'better-sqlite3';
import postgres from 'postgres';
import { PostgresEventStore } from '../../server/postgres-event-store.js';
import { SqliteEventStore } from '../../server/sqlite-event-store.js';
import { T0, testMeeting } from '../helpers/meeting.js';
import { startPostgres, type TestPostgres } from '../helpers/postgres.js';

const joined = (participantId: string): MeetingEvent => ({ type: 'participant-joined', at: T0, participantId });

/**
 * The contract every EventStore keeps, run against SQLite and PostgreSQL.
 * `open(name)` opens the store called `name` (a file, a schema): opening the
 * same name again reaches the same log.
 */
function eventStoreContract(
  name: string,
  open: (name: string) => Promise<EventStore>,
  /** Tries to change and to delete an event behind the store's back; resolves with the database's error for each. */
  tamper: (name: string) => Promise<string[]>,
  skip?: () => string | undefined,
) {
  describe(`${name} event store`, () => {
    let n = 0;
    const fresh = () => `events_${++n}`;
    const it = (title: string, body: () => Promise<void>) => test(title, (t) => (skip?.() ? t.skip(skip()) : body()));

    it('numbers the events of each meeting 1, 2, 3 … and reads them back in order', async () => {
      const store = await open(fresh());
      const first = await store.append('m1', [{ type: 'meeting-created', at: T0, meeting: testMeeting }, joined('chair')]);
      const second = await store.append('m1', [joined('full-a')]);
      const other = await store.append('m2', [joined('x')]);
      assert.deepEqual(first.map((e) => e.seq), [1, 2]);
      assert.deepEqual(second.map((e) => e.seq), [3]);
      assert.deepEqual(other.map((e) => e.seq), [1]);
      assert.deepEqual((await store.read('m1')).map((e) => e.event.type), ['meeting-created', 'participant-joined', 'participant-joined']);
      assert.deepEqual((await store.read('m1', 2)).map((e) => e.seq), [3]);
      assert.deepEqual((await store.meetingIds()).sort(), ['m1', 'm2']);
      await store.close();
    });

    it('remembers which command produced which events', async () => {
      const store = await open(fresh());
      await store.append('m1', [joined('a')]);
      await store.append('m1', [joined('b'), joined('c')], 'chair/cmd-1');
      assert.equal(await store.seqOfCommand('m1', 'chair/cmd-1'), 3);
      assert.equal(await store.seqOfCommand('m1', 'chair/cmd-2'), undefined);
      assert.equal(await store.seqOfCommand('m2', 'chair/cmd-1'), undefined);
      await store.close();
    });

    it('keeps every appended event after it is closed and opened again', async () => {
      const file = fresh();
      const store = await open(file);
      for (let i = 0; i < 50; i++) await store.append('m1', [joined(`p${i}`)]);
      await store.close();
      const reopened = await open(file);
      const log = await reopened.read('m1');
      assert.equal(log.length, 50);
      assert.deepEqual(log.map((e) => e.seq), Array.from({ length: 50 }, (_, i) => i + 1));
      await reopened.close();
    });

    it('concurrent appends to one meeting leave no gap and no duplicate', async () => {
      const store = await open(fresh());
      await Promise.all(Array.from({ length: 40 }, (_, i) => store.append('m1', [joined(`p${i}`), joined(`q${i}`)])));
      const seqs = (await store.read('m1')).map((e) => e.seq);
      assert.deepEqual(seqs, Array.from({ length: 80 }, (_, i) => i + 1));
      await store.close();
    });

    it('appends from two connections to one meeting interleave without a gap or a duplicate', async () => {
      const name = fresh();
      const [a, b] = [await open(name), await open(name)];
      await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 ? a : b).append('m1', [joined(`p${i}`)])));
      const log = await b.read('m1');
      assert.deepEqual(log.map((e) => e.seq), Array.from({ length: 60 }, (_, i) => i + 1));
      assert.equal(new Set(log.map((e) => (e.event as { participantId: string }).participantId)).size, 60, 'every append is there once');
      await a.close();
      await b.close();
    });

    it('appends several commands in one batch: numbered on, each with its key and its sealed ballot', async () => {
      const store = await open(fresh());
      await store.append('m1', [joined('first')]);
      const cast = (voterId: string): MeetingEvent => ({ type: 'ballot-cast', at: T0, motionId: 'mo', voterId, source: 'online', by: voterId });
      const stored = await store.appendBatch('m1', [
        { events: [cast('a')], commandKey: 'a/1', sealed: { motionId: 'mo', choice: 'agree' } },
        { events: [joined('x'), joined('y')], commandKey: 'chair/2' },
        { events: [cast('b')], commandKey: 'b/1', sealed: { motionId: 'mo', choice: 'other' } },
      ]);
      assert.deepEqual(stored.map((entry) => entry.map((e) => e.seq)), [[2], [3, 4], [5]]);
      assert.equal(await store.seqOfCommand('m1', 'chair/2'), 4);
      assert.equal(await store.seqOfCommand('m1', 'b/1'), 5);
      assert.deepEqual(await store.ballotBox('m1'), { mo: { agree: 1, disagree: 0, other: 1 } });
      assert.deepEqual((await store.read('m1')).map((e) => e.seq), [1, 2, 3, 4, 5]);
      await store.close();
    });

    it('refuses to change or delete a recorded event, even from outside the store', async () => {
      const name = fresh();
      const store = await open(name);
      await store.append('m1', [joined('a'), joined('b')]);
      await store.close();
      const errors = await tamper(name);
      assert.equal(errors.length, 2);
      for (const error of errors) assert.match(error, /append-only/);
      const reopened = await open(name);
      assert.deepEqual((await reopened.read('m1')).map((e) => (e.event as { participantId: string }).participantId), ['a', 'b']);
      await reopened.close();
    });

    it('adds sealed secret ballots to counts per motion and choice, kept across a reopen', async () => {
      const name = fresh();
      const store = await open(name);
      const cast = (voterId: string): MeetingEvent => ({ type: 'ballot-cast', at: T0, motionId: 'mo-1', voterId, source: 'online', by: voterId });
      await store.append('m1', [cast('a')], 'a/1', { motionId: 'mo-1', choice: 'agree' });
      await store.append('m1', [cast('b')], 'b/1', { motionId: 'mo-1', choice: 'agree' });
      await store.append('m1', [cast('c')], 'c/1', { motionId: 'mo-1', choice: 'other' });
      await store.close();
      const reopened = await open(name);
      assert.deepEqual(await reopened.ballotBox('m1'), { 'mo-1': { agree: 2, disagree: 0, other: 1 } });
      assert.deepEqual(await reopened.ballotBox('m2'), {});
      assert.ok((await reopened.read('m1')).every((e) => !('choice' in e.event)), 'the log records who voted, never the choice');
      await reopened.close();
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'party-store-'));
after(() => rmSync(dir, { recursive: true, force: true }));
/** Runs each statement and collects its error message (none when it succeeded). */
async function errorsOf(statements: Array<() => unknown>): Promise<string[]> {
  const errors: string[] = [];
  for (const statement of statements) {
    try {
      await statement();
    } catch (error) {
      errors.push(String((error as Error).message));
    }
  }
  return errors;
}

eventStoreContract(
  'SQLite',
  (name) => Promise.resolve(new SqliteEventStore(join(dir, `${name}.sqlite`))),
  async (name) => {
    const db = new Database(join(dir, `${name}.sqlite`));
    const errors = await errorsOf([() => db.prepare("UPDATE events SET body = '{}' WHERE seq = 1").run(), () => db.prepare('DELETE FROM events').run()]);
    db.close();
    return errors;
  },
);

let pg: TestPostgres | { skipped: string } = { skipped: 'PostgreSQL not started yet' };
before(async () => {
  pg = await startPostgres();
  if ('skipped' in pg) console.log(pg.skipped);
});
after(() => {
  if ('stop' in pg) pg.stop();
});
const pgUrl = () => ('url' in pg ? pg.url : '');
eventStoreContract(
  'PostgreSQL',
  (schema) => PostgresEventStore.open({ url: pgUrl(), schema }),
  async (schema) => {
    const sql = postgres(pgUrl(), { onnotice: () => {} });
    const errors = await errorsOf([
      () => sql.unsafe(`UPDATE ${schema}.events SET body = '{}' WHERE seq = 1`),
      () => sql.unsafe(`DELETE FROM ${schema}.events`),
    ]);
    await sql.end();
    return errors;
  },
  () => ('skipped' in pg ? pg.skipped : undefined),
);
