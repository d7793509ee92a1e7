import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  findParticipant,
  parseClientMessage,
  project,
  type ClientMessage,
  type MeetingDefinition,
  type RejectionCode,
} from '../src/core/index.js';
import type { EventStore } from './event-store.js';
import { jsonLog, type Log } from './log.js';
import { MeetingHost, type EventObserver, type Session } from './meeting-host.js';
import { clientAddress, httpHandler, MessageRate, originAllowed } from './http-basics.js';
import { ServerMetrics } from './metrics.js';
import type { MeetingOwnership } from './ownership.js';
import { OwnershipLostError } from './postgres-event-store.js';
import { JoinTokens, TokenError, type JoinClaims } from './tokens.js';

export { clientAddress, originAllowed } from './http-basics.js';

/** WebSocket close codes the client understands: do not retry with the same token. */
export const CLOSE_AUTH_FAILED = 4001;
/** The meeting named in the token does not exist here. */
export const CLOSE_UNKNOWN_MEETING = 4004;
/** The participant has too many connections open already. */
export const CLOSE_TOO_MANY_CONNECTIONS = 4009;
/** The meeting is served by another process now: reconnect (to the address of the `redirect` sent before, if any). */
export const CLOSE_MOVED = 4010;

/** Largest message a client may send, in bytes. */
const MAX_MESSAGE_BYTES = 16 * 1024;
/** A client must say hello within this time. */
const HELLO_TIMEOUT_MS = 10_000;
/** Dead connections are found by a WebSocket ping at this interval. */
const PING_INTERVAL_MS = 20_000;
/** Live connections one participant may hold at once (a phone, a computer, a spare tab). */
const MAX_SESSIONS_PER_PARTICIPANT = 4;

/** How the server is put together; everything has a default but the store and the secret. */
export interface MeetingServerOptions {
  readonly store: EventStore;
  readonly secret: string;
  readonly host?: string;
  readonly port?: number;
  readonly log?: Log;
  /** Answers HTTP requests other than the server's own (the demo pages); returns false for a 404. */
  readonly http?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;
  /** Meetings to create before listening, unless their log exists already. */
  readonly meetings?: readonly MeetingDefinition[];
  /** The clock, as ISO 8601 (tests may fix it). */
  readonly now?: () => string;
  /**
   * Pages allowed to open the meeting WebSocket, as origins (`https://baonghean.vn`).
   * Unset: only pages served by this server's own host. A client that sends no
   * Origin (not a browser) is let through to the token check.
   */
  readonly allowedOrigins?: readonly string[];
  /** When set, `/metrics` answers only with `Authorization: Bearer <metricsToken>`. */
  readonly metricsToken?: string;
  /** Messages per connection: a burst, refilled per second (120 and 40 by default; `MessageRate`). */
  readonly rateLimit?: { readonly burst: number; readonly perSecond: number };
  /**
   * The server runs behind one reverse proxy (docs/deploy.md): the client's
   * address is the last one the proxy added to X-Forwarded-For. Off by
   * default, since a client could write that header itself.
   */
  readonly trustProxy?: boolean;
  /**
   * The portal backend's Ed25519 public key (PEM): join tokens it signs with
   * EdDSA are accepted besides those signed with `secret` (HS256), so the
   * portal need not hold the server's secret.
   */
  readonly joinPublicKey?: string;
  /**
   * Several processes serving one province (server/ownership.ts): each
   * meeting is loaded by the process that takes it, and clients of a meeting
   * owned elsewhere are redirected there. Unset: this process serves every
   * meeting in the store, all loaded at start.
   */
  readonly ownership?: MeetingOwnership;
  /**
   * One more check of a verified invite before the welcome (the REST API's
   * revocation list): a code refuses the hello, closing with CLOSE_AUTH_FAILED.
   */
  readonly admitInvite?: (claims: JoinClaims) => Promise<RejectionCode | undefined>;
  /** Told of every event recorded in a meeting this process serves (the REST API's report writer, on meeting-closed). */
  readonly onEvent?: EventObserver;
}

/** A running meeting server. */
export interface MeetingServer {
  readonly url: string;
  readonly port: number;
  readonly tokens: JoinTokens;
  readonly http: Server;
  readonly metrics: ServerMetrics;
  meeting(id: string): MeetingHost | undefined;
  /** Creates a meeting while the server runs (the REST API schedules one); throws when the id is taken. */
  createMeeting(definition: MeetingDefinition): Promise<MeetingHost>;
  /** Refuses and closes (CLOSE_AUTH_FAILED) every live connection of a participant to a meeting; returns how many. */
  disconnect(meetingId: string, participantId: string, code: RejectionCode, message: string): number;
  close(): Promise<void>;
}

/** The `id` of a message that failed validation, when it has a usable one. */
function commandIdOf(text: string): string | undefined {
  try {
    const id: unknown = JSON.parse(text)?.id;
    return typeof id === 'string' && id.length > 0 && id.length <= 64 ? id : undefined;
  } catch {
    return undefined;
  }
}

/** Starts the HTTP and WebSocket server and rebuilds every meeting from its log. */
export async function startMeetingServer(options: MeetingServerOptions): Promise<MeetingServer> {
  const { log = jsonLog } = options;
  const metrics = new ServerMetrics();
  const store = metrics.timed(options.store);
  const now = options.now ?? (() => new Date().toISOString());
  const tokens = options.joinPublicKey ? await JoinTokens.withPublicKey(options.secret, options.joinPublicKey) : new JoinTokens(options.secret);
  const meetings = new Map<string, MeetingHost>();
  // Ids being created: a second create of the same id must not append a second meeting-created.
  const creating = new Set<string>();
  // Joined connections, so that a revoked invite's sessions can be closed.
  const live = new Map<WebSocket, { meetingId: string; participantId: string; refuse: (code: RejectionCode, message: string) => void; moved: () => void }>();
  // Once closing, departures are not recorded: the next start closes stale presence, as after a crash.
  let closing = false;
  const { ownership } = options;
  const seeded = new Map((options.meetings ?? []).map((meeting) => [meeting.id, meeting]));
  const observed = (host: MeetingHost): MeetingHost => {
    if (options.onEvent) host.observe(options.onEvent);
    return host;
  };
  if (!ownership) {
    for (const id of await store.meetingIds()) meetings.set(id, observed(await MeetingHost.load(store, id, now)));
    for (const meeting of seeded.values()) {
      if (!meetings.has(meeting.id)) meetings.set(meeting.id, observed(await MeetingHost.create(store, { type: 'meeting-created', at: now(), meeting })));
    }
  }
  // Clustered: a meeting is loaded by the process that takes it, when its first client arrives.
  const loading = new Map<string, Promise<MeetingHost | undefined>>();
  async function load(meetingId: string): Promise<MeetingHost | undefined> {
    if ((await store.read(meetingId, 0)).length > 0) return observed(await MeetingHost.load(store, meetingId, now));
    const definition = seeded.get(meetingId);
    return definition && observed(await MeetingHost.create(store, { type: 'meeting-created', at: now(), meeting: definition }));
  }
  /** The meeting's host here, the address of the process that serves it, or nothing when it does not exist. */
  async function locate(meetingId: string): Promise<MeetingHost | { url: string } | undefined> {
    if (!ownership) return meetings.get(meetingId);
    const placement = await ownership.place(meetingId);
    if (!placement.here) {
      if (meetings.has(meetingId)) movedAway(meetingId);
      return { url: placement.url };
    }
    const present = meetings.get(meetingId);
    if (present) return present;
    let pending = loading.get(meetingId);
    if (!pending) {
      pending = load(meetingId).finally(() => loading.delete(meetingId));
      loading.set(meetingId, pending);
    }
    const host = await pending;
    if (host && !meetings.has(meetingId)) {
      meetings.set(meetingId, host);
      metrics.meetings.set(meetings.size);
      log('info', 'meeting taken', { meeting: meetingId, owner: ownership.owner });
    }
    return host;
  }
  /** Another process took the meeting over: forget it here, and send its clients on (they reconnect and are redirected). */
  function movedAway(meetingId: string): void {
    if (!meetings.delete(meetingId)) return;
    metrics.meetings.set(meetings.size);
    log('warn', 'meeting lost to another process', { meeting: meetingId });
    for (const connection of live.values()) if (connection.meetingId === meetingId) connection.moved();
  }
  ownership?.onLost(movedAway);
  log('info', 'meetings loaded', { count: meetings.size });
  metrics.meetings.set(meetings.size);

  const handleHttp = httpHandler({ metrics, metricsToken: options.metricsToken, http: options.http, log });
  const http = createServer((req, res) => {
    void handleHttp(req, res);
  });

  const wss = new WebSocketServer({
    server: http,
    path: '/ws',
    maxPayload: MAX_MESSAGE_BYTES,
    verifyClient: ({ origin, req }: { origin?: string; req: IncomingMessage }, done: (ok: boolean, status?: number, reason?: string) => void) => {
      if (originAllowed(origin, req.headers.host, options.allowedOrigins)) return done(true);
      log('warn', 'websocket origin refused', { origin });
      done(false, 403, 'Origin not allowed');
    },
  });
  const alive = new WeakMap<WebSocket, boolean>();
  const pinger = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, PING_INTERVAL_MS);

  wss.on('connection', (ws, req) => {
    const from = clientAddress(req, options.trustProxy ?? false);
    metrics.connections.inc();
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));
    let joined: { host: MeetingHost; session: Session } | undefined;
    let greeting: Promise<void> | undefined;
    const helloTimer = setTimeout(() => ws.close(1008, 'no hello'), HELLO_TIMEOUT_MS);

    const send = (message: object) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    const reject = (code: RejectionCode, message: string, id?: string) => {
      metrics.rejections.inc({ code });
      send({ type: 'reject', id, code, message });
    };
    const rate = new MessageRate(options.rateLimit);

    async function hello(message: Extract<ClientMessage, { type: 'hello' }>): Promise<void> {
      clearTimeout(helloTimer);
      let claims;
      try {
        claims = await tokens.verify(message.token);
      } catch (error) {
        const code = error instanceof TokenError ? error.code : 'invalid-token';
        reject(code, error instanceof Error ? error.message : 'The invite is not valid.');
        ws.close(CLOSE_AUTH_FAILED, code);
        return;
      }
      const refusal = await options.admitInvite?.(claims);
      if (refusal) {
        reject(refusal, 'The invite was refused.');
        ws.close(CLOSE_AUTH_FAILED, refusal);
        return;
      }
      const found = await locate(claims.meetingId);
      if (found && 'url' in found) {
        send({ type: 'redirect', url: found.url });
        ws.close(CLOSE_MOVED, 'moved');
        return;
      }
      const host = found;
      if (!host) {
        reject('unknown-meeting', 'This meeting does not exist on this server.');
        ws.close(CLOSE_UNKNOWN_MEETING, 'unknown-meeting');
        return;
      }
      const participant = findParticipant(host.state, claims.participantId);
      if (!participant) {
        reject('invalid-token', 'The invite names someone who is not a participant of this meeting.');
        ws.close(CLOSE_AUTH_FAILED, 'invalid-token');
        return;
      }
      if (host.sessionCount(claims.participantId) >= MAX_SESSIONS_PER_PARTICIPANT) {
        reject('too-many-connections', `At most ${MAX_SESSIONS_PER_PARTICIPANT} connections per participant.`);
        ws.close(CLOSE_TOO_MANY_CONNECTIONS, 'too-many-connections');
        return;
      }
      const actor = { participantId: claims.participantId, role: claims.role };
      const session: Session = { actor, send: (data) => ws.readyState === ws.OPEN && ws.send(data) };
      const firstSession = await host.serialize(async () => {
        // Welcome and attach in one step of the meeting's queue, so no event falls between them.
        const you = { ...actor, name: participant.name };
        const resume = message.lastSeq !== undefined && message.lastSeq > 0 && message.lastSeq <= host.seq;
        if (resume) {
          send({ type: 'welcome', you, seq: host.seq, events: await host.eventsAfter(message.lastSeq!, actor.role) });
        } else {
          send({ type: 'welcome', you, seq: host.seq, snapshot: project(host.state, actor.role) });
        }
        const first = !host.hasSession(actor.participantId);
        host.attach(session);
        return first;
      });
      joined = { host, session };
      live.set(ws, {
        meetingId: host.id,
        participantId: actor.participantId,
        refuse: (code, text) => {
          reject(code, text);
          ws.close(CLOSE_AUTH_FAILED, code);
        },
        moved: () => {
          joined = undefined; // no departure is recorded here: the new owner closes stale presence
          ws.close(CLOSE_MOVED, 'moved');
        },
      });
      if (ws.readyState !== ws.OPEN) {
        leave();
        return;
      }
      if (firstSession) await host.run(actor, { type: 'join' }, now());
      log('info', 'participant connected', { meeting: host.id, participant: actor.participantId, role: actor.role, ...from });
    }

    async function command(message: Extract<ClientMessage, { type: 'command' }>): Promise<void> {
      if (!joined) {
        reject('invalid-message', 'Say hello before sending commands.', message.id);
        return;
      }
      const { host, session } = joined;
      metrics.commands.inc({ type: message.command.type });
      const key = `${session.actor.participantId}/${message.id}`;
      let outcome;
      try {
        outcome = await host.run(session.actor, message.command, now(), key);
      } catch (error) {
        // Fenced off: another process took the meeting. No reply: the client resends the command there.
        if (error instanceof OwnershipLostError) return movedAway(host.id);
        throw error;
      }
      if ('rejection' in outcome) {
        log('info', 'command rejected', { meeting: host.id, participant: session.actor.participantId, command: message.command.type, code: outcome.rejection.code });
        reject(outcome.rejection.code, outcome.rejection.message, message.id);
      } else {
        send({ type: 'ack', id: message.id, seq: outcome.seq });
      }
    }

    /** Relays a media signal to another connected participant of the same meeting (mesh adapter). */
    function signal(message: Extract<ClientMessage, { type: 'signal' }>): void {
      if (!joined) {
        reject('invalid-message', 'Say hello before sending signals.');
        return;
      }
      const { host, session } = joined;
      const from = session.actor.participantId;
      if (message.to === from || !host.sendTo(message.to, JSON.stringify({ type: 'signal', from, payload: message.payload }))) {
        reject('unknown-participant', 'The participant to signal is not connected to this meeting.');
      }
    }

    function leave(): void {
      if (!joined || closing) return;
      const { host, session } = joined;
      joined = undefined;
      if (!host.detach(session)) {
        host.run(session.actor, { type: 'leave' }, now()).catch((error) => {
          if (error instanceof OwnershipLostError) movedAway(host.id);
          else log('error', 'leave failed', { error: String(error) });
        });
      }
    }

    ws.on('message', (data, isBinary) => {
      if (!rate.take()) {
        reject('rate-limited', 'Too many messages; slow down.', isBinary ? undefined : commandIdOf(data.toString()));
        return;
      }
      const text = data.toString();
      const parsed = isBinary ? { ok: false as const, error: 'Binary messages are not accepted.' } : parseClientMessage(text);
      if (!parsed.ok) {
        // Name the command when its id can be read, so the sender can settle it.
        reject('invalid-message', `Malformed message: ${parsed.error}`, isBinary ? undefined : commandIdOf(text));
        return;
      }
      const message = parsed.value;
      const failed = (error: unknown) => {
        log('error', 'message handling failed', { type: message.type, error: String(error) });
        reject('server-error', 'The server could not handle this message; try again.', message.type === 'command' ? message.id : undefined);
      };
      switch (message.type) {
        case 'ping':
          send({ type: 'pong' });
          break;
        case 'hello':
          if (greeting) reject('invalid-message', 'Hello was already said on this connection.');
          else greeting = hello(message).catch(failed);
          break;
        case 'command':
          // Commands wait for the welcome, so one sent right after hello is not refused.
          (greeting ?? Promise.resolve()).then(() => command(message)).catch(failed);
          break;
        case 'signal':
          (greeting ?? Promise.resolve()).then(() => signal(message)).catch(failed);
          break;
      }
    });
    ws.on('close', () => {
      metrics.connections.dec();
      live.delete(ws);
      clearTimeout(helloTimer);
      (greeting ?? Promise.resolve()).finally(leave);
    });
    ws.on('error', (error) => log('warn', 'websocket error', { error: error.message }));
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port, address } = http.address() as AddressInfo;
  const url = `http://${address}:${port}`;
  log('info', 'listening', { url });

  return {
    url,
    port,
    tokens,
    http,
    metrics,
    meeting: (id) => meetings.get(id),
    async createMeeting(definition) {
      if (meetings.has(definition.id) || creating.has(definition.id)) throw new Error(`The meeting ${definition.id} exists already.`);
      creating.add(definition.id);
      try {
        // Clustered: the process that creates a meeting takes it (a new meeting has no owner yet).
        if (ownership && !(await ownership.place(definition.id)).here) throw new Error(`The meeting ${definition.id} exists already.`);
        const host = observed(await MeetingHost.create(store, { type: 'meeting-created', at: now(), meeting: definition }));
        meetings.set(definition.id, host);
        metrics.meetings.set(meetings.size);
        log('info', 'meeting created', { meeting: definition.id });
        return host;
      } finally {
        creating.delete(definition.id);
      }
    },
    disconnect(meetingId, participantId, code, message) {
      let closed = 0;
      for (const connection of live.values()) {
        if (connection.meetingId === meetingId && connection.participantId === participantId) {
          connection.refuse(code, message);
          closed += 1;
        }
      }
      return closed;
    },
    async close() {
      closing = true;
      clearInterval(pinger);
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
