/**
 * The meeting record from the command line (backup, archive, consistency):
 *
 *   node --import tsx scripts/record.ts check [meetingId …]   # every meeting when none is named; exit 1 on any problem
 *   node --import tsx scripts/record.ts export <meetingId> > meeting.json
 *   node --import tsx scripts/record.ts import < meeting.json        # and the pilot report's line of a closed meeting
 *   node --import tsx scripts/record.ts backup <file.sqlite>        # SQLite only: the whole store, online
 *   node --import tsx scripts/record.ts report-backfill [--all] [meetingId …]
 *       # the pilot report's lines of closed meetings that have none (closed before the report
 *       # tables, or imported), from their logs; --all writes every line again; idempotent
 *
 * The store is the server's: PostgreSQL when DATABASE_URL is set, else the
 * SQLite file in DATA_DIR (./data); the registry (report lines) likewise.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { EventStore } from '../server/event-store.js';
import { RecordError, checkMeeting, exportMeeting, importMeeting } from '../server/record.js';
import type { RegistryStore } from '../server/registry-store.js';
import { backfillReports } from '../server/report-backfill.js';
import { SqliteEventStore } from '../server/sqlite-event-store.js';

async function openStore(): Promise<EventStore> {
  if (process.env.DATABASE_URL) {
    const { PostgresEventStore } = await import('../server/postgres-event-store.js');
    return PostgresEventStore.open({ url: process.env.DATABASE_URL });
  }
  return new SqliteEventStore(join(resolve(process.env.DATA_DIR ?? 'data'), 'events.sqlite'));
}

/** The REST API's registry, as the server opens it. */
async function openRegistry(): Promise<RegistryStore> {
  if (process.env.DATABASE_URL) {
    const { PostgresRegistryStore } = await import('../server/postgres-registry-store.js');
    return PostgresRegistryStore.open({ url: process.env.DATABASE_URL });
  }
  const { SqliteRegistryStore } = await import('../server/sqlite-registry-store.js');
  return new SqliteRegistryStore(join(resolve(process.env.DATA_DIR ?? 'data'), 'registry.sqlite'));
}

const [command, ...args] = process.argv.slice(2);
const store = await openStore();
let exitCode = 0;
try {
  switch (command) {
    case 'check': {
      const ids = args.length ? args : await store.meetingIds();
      for (const id of ids) {
        const problems = await checkMeeting(store, id);
        if (problems.length === 0) console.log(`${id}: ok`);
        for (const p of problems) console.log(`${id}: ${p.seq ? `#${p.seq} ` : ''}${p.problem}`);
        if (problems.length > 0) exitCode = 1;
      }
      break;
    }
    case 'export':
      if (!args[0]) throw new Error('usage: record.ts export <meetingId>');
      process.stdout.write(`${JSON.stringify(await exportMeeting(store, args[0]), null, 2)}\n`);
      break;
    case 'import': {
      const { meetingId, events } = await importMeeting(store, JSON.parse(readFileSync(0, 'utf8')));
      console.log(`imported ${meetingId}: ${events} events`);
      // A closed meeting counts in the pilot report at once: its report line, as if it had closed here.
      try {
        const registry = await openRegistry();
        try {
          const result = await backfillReports(store, registry, { meetingIds: [meetingId] });
          console.log(result.written.length > 0 ? `${meetingId}: report line written` : `${meetingId}: not closed, no report line yet`);
        } finally {
          await registry.close();
        }
      } catch (error) {
        // The record is in: say so, and how to finish, rather than look like a failed import.
        console.error(`${meetingId}: imported, but its pilot-report line could not be written (${(error as Error).message}); run: record.ts report-backfill ${meetingId}`);
        exitCode = 1;
      }
      break;
    }
    case 'backup':
      if (!args[0]) throw new Error('usage: record.ts backup <file.sqlite>');
      if (!(store instanceof SqliteEventStore)) throw new Error('backup copies the SQLite store; for PostgreSQL use pg_dump (see README.md).');
      await store.backup(resolve(args[0]));
      console.log(`backed up to ${resolve(args[0])}`);
      break;
    case 'report-backfill': {
      const registry = await openRegistry();
      try {
        const ids = args.filter((a) => a !== '--all');
        const result = await backfillReports(store, registry, { rewrite: args.includes('--all'), ...(ids.length ? { meetingIds: ids } : {}) });
        for (const id of result.written) console.log(`${id}: report line written`);
        console.log(`report lines written: ${result.written.length}; already there: ${result.present}; meetings not closed: ${result.notClosed}`);
      } finally {
        await registry.close();
      }
      break;
    }
    default:
      throw new Error('usage: record.ts check [meetingId …] | export <meetingId> | import < file.json | backup <file.sqlite> | report-backfill [--all] [meetingId …]');
  }
} catch (error) {
  console.error(error instanceof RecordError ? `refused:\n${error.message}` : (error as Error).message);
  exitCode = 2;
} finally {
  await store.close();
}
process.exit(exitCode);
