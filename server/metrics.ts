import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { EventStore } from './event-store.js';

/**
 * The server's Prometheus metrics (issue 7: connections, meetings, commands,
 * rejections, event-append latency), plus the process's own (memory, CPU,
 * event-loop lag). One registry per server, so tests can run several.
 */
export class ServerMetrics {
  readonly registry = new Registry();
  readonly connections = new Gauge({ name: 'party_connections', help: 'Open WebSocket connections.', registers: [this.registry] });
  readonly meetings = new Gauge({ name: 'party_meetings', help: 'Meetings held by this process.', registers: [this.registry] });
  readonly commands = new Counter({ name: 'party_commands_total', help: 'Commands received, by type.', labelNames: ['type'], registers: [this.registry] });
  readonly rejections = new Counter({ name: 'party_rejections_total', help: 'Refused commands and messages, by code.', labelNames: ['code'], registers: [this.registry] });
  readonly appendSeconds = new Histogram({
    name: 'party_event_append_seconds',
    help: 'Time to append events durably to the record.',
    buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'party_' });
  }

  /** The store with each append timed into `party_event_append_seconds`. */
  timed(store: EventStore): EventStore {
    const histogram = this.appendSeconds;
    return {
      async append(...args) {
        const stop = histogram.startTimer();
        try {
          return await store.append(...args);
        } finally {
          stop();
        }
      },
      async appendBatch(...args) {
        const stop = histogram.startTimer();
        try {
          return await store.appendBatch(...args);
        } finally {
          stop();
        }
      },
      ballotBox: (meetingId) => store.ballotBox(meetingId),
      read: (meetingId, afterSeq) => store.read(meetingId, afterSeq),
      seqOfCommand: (meetingId, commandKey) => store.seqOfCommand(meetingId, commandKey),
      meetingIds: () => store.meetingIds(),
      close: () => store.close(),
    };
  }
}
