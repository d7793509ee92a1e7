import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MeetingDefinition, Role } from '../../src/core/index.js';
import { startMeetingServer, type MeetingServer, type MeetingServerOptions } from '../../server/app.js';
import { silentLog } from '../../server/log.js';
import { SqliteEventStore } from '../../server/sqlite-event-store.js';
import { testMeeting } from './meeting.js';

export const SECRET = 'test-secret-that-is-long-enough-for-hs256';

/** A real meeting server on 127.0.0.1 with a SQLite log in a temporary folder. */
export class TestServer {
  private constructor(
    readonly dir: string,
    public server: MeetingServer,
    private store: SqliteEventStore,
  ) {}

  /** Starts a server; `options` may add any server option (a log to read, allowed origins…). */
  static async start(meetings: MeetingDefinition[] = [testMeeting], options: Partial<MeetingServerOptions> = {}): Promise<TestServer> {
    const dir = mkdtempSync(join(tmpdir(), 'party-server-'));
    const store = new SqliteEventStore(join(dir, 'events.sqlite'));
    const server = await startMeetingServer({ store, secret: SECRET, port: 0, log: silentLog, meetings, ...options });
    return new TestServer(dir, server, store);
  }

  get url(): string {
    return this.server.url;
  }

  token(participantId: string, role: Role, meetingId = testMeeting.id, expiresIn = '1h'): Promise<string> {
    return this.server.tokens.sign({ meetingId, participantId, role }, expiresIn);
  }

  /** Stops the server and opens a new one on the same log (and the same port). */
  async restart(): Promise<void> {
    const port = this.server.port;
    await this.server.close();
    await this.store.close();
    this.store = new SqliteEventStore(join(this.dir, 'events.sqlite'));
    this.server = await startMeetingServer({ store: this.store, secret: SECRET, port, log: silentLog });
  }

  async stop(): Promise<void> {
    await this.server.close();
    await this.store.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
