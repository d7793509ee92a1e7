/**
 * The real meeting server with its REST API, for the console elements' tests
 * in web-test-runner (web-test-runner.config.mjs starts it in the wtr process
 * on first use): a SQLite registry and event log in temporary folders, on
 * 127.0.0.1. The browser reaches the API through the test page's own origin
 * (the config proxies /api to it) and asks for what only the server side can
 * do through `executeServerCommand('party-api', …)`: admin tokens, and a
 * meeting held from open to close with its roll at chosen times.
 */
import type { AttendanceMark } from '../../src/core/index.js';
import { ApiTestServer } from './api.js';

/** What the browser may ask of the harness. */
export type ConsoleCommand =
  /** An admin token: unscoped, or for `units`; `expiresIn` a jose span ('1h', '-10s' for an expired one). */
  | { readonly action: 'token'; readonly units?: readonly string[]; readonly expiresIn?: string; readonly subject?: string }
  /**
   * Holds a scheduled meeting: the chair opens it at `openedAt`, marks the roll
   * (each member not named is left unmarked), and closes it `minutes` later;
   * resolves once the pilot report's line is written.
   */
  | {
      readonly action: 'hold';
      readonly meetingId: string;
      readonly openedAt: string;
      readonly minutes: number;
      readonly roll: Readonly<Record<string, { readonly mark: AttendanceMark; readonly reason?: string; readonly reasonAccepted?: boolean }>>;
    };

/** The harness: one server for the whole wtr run. */
export class ConsoleApi {
  private constructor(private readonly api: ApiTestServer) {}

  static async start(): Promise<ConsoleApi> {
    return new ConsoleApi(await ApiTestServer.start());
  }

  /** The server's address (http://127.0.0.1:port). */
  get url(): string {
    return this.api.url;
  }

  /** Answers one command from the browser. */
  async run(command: ConsoleCommand): Promise<unknown> {
    switch (command.action) {
      case 'token':
        return {
          token: await this.api.admin(
            { subject: command.subject ?? 'wtr-console', ...(command.units ? { units: [...command.units] } : {}) },
            command.expiresIn ?? '1h',
          ),
        };
      case 'hold':
        return this.hold(command);
    }
  }

  private async hold(command: Extract<ConsoleCommand, { action: 'hold' }>): Promise<{ ok: true }> {
    const host = this.api.server.server.meeting(command.meetingId);
    if (!host) throw new Error(`No meeting ${command.meetingId} on the server.`);
    const chair = { participantId: host.state.chairId, role: 'chair' as const };
    const opened = Date.parse(command.openedAt);
    const at = (seconds: number) => new Date(opened + seconds * 1000).toISOString();
    const step = async (command: Parameters<typeof host.run>[1], seconds: number) => {
      const outcome = await host.run(chair, command, at(seconds));
      if ('rejection' in outcome) throw new Error(`${command.type}: ${outcome.rejection.code} ${outcome.rejection.message}`);
    };
    await step({ type: 'open-meeting' }, 0);
    let second = 1;
    for (const [memberId, entry] of Object.entries(command.roll)) {
      await step({ type: 'mark-attendance', memberId, ...entry }, second++);
    }
    const written = this.api.reportWritten(command.meetingId);
    await step({ type: 'close-meeting' }, command.minutes * 60);
    if (!(await written)) throw new Error(`The report line of ${command.meetingId} was not written.`);
    return { ok: true };
  }

  async stop(): Promise<void> {
    await this.api.stop();
  }
}
