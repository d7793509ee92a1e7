/**
 * A meeting server as its own process for fault tests: the meeting comes from
 * the JSON file MEETING_FILE, the log is the SQLite file in DATA_DIR, and it
 * listens on 127.0.0.1:PORT with the secret PARTY_JWT_SECRET. Prints "ready"
 * once listening. A test SIGKILLs it and starts it again on the same folder.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MeetingDefinition } from '../../src/core/index.js';
import { startMeetingServer } from '../../server/app.js';
import { silentLog } from '../../server/log.js';
import { SqliteEventStore } from '../../server/sqlite-event-store.js';

const meeting = JSON.parse(readFileSync(process.env.MEETING_FILE!, 'utf8')) as MeetingDefinition;
await startMeetingServer({
  store: new SqliteEventStore(join(process.env.DATA_DIR!, 'events.sqlite')),
  secret: process.env.PARTY_JWT_SECRET!,
  host: '127.0.0.1',
  port: Number(process.env.PORT),
  meetings: [meeting],
  log: silentLog,
});
console.log('ready');
