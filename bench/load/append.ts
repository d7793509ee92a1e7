/**
 * Event-append throughput of an EventStore, durable as configured by the
 * store (SQLite: WAL with synchronous = FULL; PostgreSQL: synchronous_commit
 * on, fsync on): one event per append awaited one after the other, 100 events
 * per append, many appends in flight at once to different meetings, and
 * many appends of 100 in flight at once.
 */
import type { MeetingEvent } from '../../src/core/index.js';
import type { EventStore } from '../../server/event-store.js';

/** Events per second of each way of appending. */
export interface AppendFigures {
  readonly single: number;
  readonly batched: number;
  readonly concurrent: number;
  readonly concurrentBatched: number;
}

export const BATCH = 100;
export const CONCURRENT = 64;
export const CONCURRENT_BATCHES = 16;

const event = (i: number): MeetingEvent => ({
  type: 'attendance-marked',
  at: new Date().toISOString(),
  by: 'm000',
  memberId: `m${String(i % 500).padStart(3, '0')}`,
  mark: i % 7 === 3 ? 'absent-with-reason' : 'present-online',
  ...(i % 7 === 3 ? { reason: 'Đi công tác' } : {}),
});

/** Runs `step` repeatedly for about `seconds` and returns the events per second it appended. */
async function rate(seconds: number, step: () => Promise<number>): Promise<number> {
  const t0 = performance.now();
  let events = 0;
  while (performance.now() - t0 < seconds * 1000) events += await step();
  return (events * 1000) / (performance.now() - t0);
}

/** Measures `store` on fresh meeting ids starting with `prefix`. */
export async function appendThroughput(store: EventStore, prefix: string, seconds = 3): Promise<AppendFigures> {
  let n = 0;
  const single = await rate(seconds, async () => {
    await store.append(`${prefix}-single`, [event(n++)]);
    return 1;
  });
  const batched = await rate(seconds, async () => {
    await store.append(`${prefix}-batched`, Array.from({ length: BATCH }, () => event(n++)));
    return BATCH;
  });
  const concurrent = await rate(seconds, async () => {
    await Promise.all(Array.from({ length: CONCURRENT }, (_, i) => store.append(`${prefix}-concurrent-${i}`, [event(n++)])));
    return CONCURRENT;
  });
  const concurrentBatched = await rate(seconds, async () => {
    await Promise.all(Array.from({ length: CONCURRENT_BATCHES }, (_, i) => store.append(`${prefix}-concurrent-batched-${i}`, Array.from({ length: BATCH }, () => event(n++)))));
    return CONCURRENT_BATCHES * BATCH;
  });
  return { single, batched, concurrent, concurrentBatched };
}
