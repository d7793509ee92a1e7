import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { MeetingEvent } from '../../src/core/index.js';
import type { EventStore } from '../../server/event-store.js';
import { SqliteEventStore } from '../../server/sqlite-event-store.js';
import { T0, testMeeting } from '../helpers/meeting.js';

const joined = (participantId: string): MeetingEvent => ({ type: 'participant-joined', at: T0, participantId });

/** The contract every EventStore keeps; PostgreSQL will run the same suite. */
function eventStoreContract(name: string, open: (file: string) => EventStore) {
  describe(`${name} event store`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'party-store-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    let n = 0;
    const fresh = () => join(dir, `events-${++n}.sqlite`);

    it('numbers the events of each meeting 1, 2, 3 … and reads them back in order', async () => {
      const store = open(fresh());
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
      const store = open(fresh());
      await store.append('m1', [joined('a')]);
      await store.append('m1', [joined('b'), joined('c')], 'chair/cmd-1');
      assert.equal(await store.seqOfCommand('m1', 'chair/cmd-1'), 3);
      assert.equal(await store.seqOfCommand('m1', 'chair/cmd-2'), undefined);
      assert.equal(await store.seqOfCommand('m2', 'chair/cmd-1'), undefined);
      await store.close();
    });

    it('keeps every appended event after it is closed and opened again', async () => {
      const file = fresh();
      const store = open(file);
      for (let i = 0; i < 50; i++) await store.append('m1', [joined(`p${i}`)]);
      await store.close();
      const reopened = open(file);
      const log = await reopened.read('m1');
      assert.equal(log.length, 50);
      assert.deepEqual(log.map((e) => e.seq), Array.from({ length: 50 }, (_, i) => i + 1));
      await reopened.close();
    });

    it('concurrent appends to one meeting leave no gap and no duplicate', async () => {
      const store = open(fresh());
      await Promise.all(Array.from({ length: 40 }, (_, i) => store.append('m1', [joined(`p${i}`), joined(`q${i}`)])));
      const seqs = (await store.read('m1')).map((e) => e.seq);
      assert.deepEqual(seqs, Array.from({ length: 80 }, (_, i) => i + 1));
      await store.close();
    });
  });
}

eventStoreContract('SQLite', (file) => new SqliteEventStore(file));
