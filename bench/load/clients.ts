/**
 * WebSocket clients for the load benchmark, all in this one process: meeting
 * clients that speak the server's protocol (hello, welcome, command, ack,
 * heartbeat pings like MeetingClient's), and bare clients of a broadcast
 * server. Each exposes `watch`, so one fan-out round can wait for all of them
 * the same way whatever the server.
 */
import { randomUUID } from 'node:crypto';
import { WebSocket } from 'ws';
import type { Command, RejectionCode } from '../../src/core/index.js';

/** A client whose incoming messages (as text) can be watched. */
export interface Watchable {
  watch?: (text: string) => void;
}

/** MeetingClient's heartbeat interval (src/client/meeting-client.ts). */
export const HEARTBEAT_MS = 15_000;

/** A command the server refused. */
export class Refused extends Error {
  constructor(readonly code: RejectionCode | string, message: string) {
    super(`${code}: ${message}`);
  }
}

/** Opens a WebSocket on loopback. */
export function open(url: string, timeoutMs = 20_000): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error(`no connection to ${url} within ${timeoutMs} ms`));
    }, timeoutMs);
    ws.once('open', () => {
      clearTimeout(timer);
      resolve(ws);
    });
    ws.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** One participant's connection to the meeting server. */
export class MeetingConnection implements Watchable {
  watch?: (text: string) => void;
  private readonly pending = new Map<string, { resolve: (seq: number) => void; reject: (error: Error) => void }>();
  private heartbeat?: ReturnType<typeof setTimeout>;
  private nextId = 0;
  private readonly idPrefix = randomUUID().slice(0, 8);

  private constructor(readonly ws: WebSocket, readonly participantId: string) {}

  /**
   * Connects, says hello with `token` and resolves after the welcome. With
   * `heartbeat`, it sends an application ping every HEARTBEAT_MS from a random
   * phase, as a browser client does.
   */
  static async connect(url: string, participantId: string, token: string, heartbeat = true): Promise<MeetingConnection> {
    const ws = await open(url);
    const connection = new MeetingConnection(ws, participantId);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no welcome for ${participantId}`)), 20_000);
      ws.once('message', (data) => {
        clearTimeout(timer);
        const text = data.toString();
        if (text.startsWith('{"type":"welcome"')) resolve();
        else reject(new Error(`${participantId} was not welcomed: ${text.slice(0, 200)}`));
      });
      ws.send(JSON.stringify({ type: 'hello', token }));
    });
    ws.on('message', (data) => connection.receive(data.toString()));
    if (heartbeat) {
      const ping = () => ws.readyState === ws.OPEN && ws.send('{"type":"ping"}');
      connection.heartbeat = setTimeout(() => {
        ping();
        connection.heartbeat = setInterval(ping, HEARTBEAT_MS).unref();
      }, Math.random() * HEARTBEAT_MS).unref();
    }
    return connection;
  }

  /**
   * Sends a command and resolves with the sequence number of its ack; rejects
   * with `Refused`. Ids are unique per participant across connections, like
   * MeetingClient's UUIDs: the server acknowledges a known id again without
   * applying it (a resend after a reconnect).
   */
  command(command: Command, id = `${this.idPrefix}-${this.nextId++}`): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.ws.send(JSON.stringify({ type: 'command', id, command }));
    });
  }

  close(): void {
    clearTimeout(this.heartbeat);
    clearInterval(this.heartbeat);
    this.ws.terminate();
  }

  private receive(text: string): void {
    // The server writes `type` first, so acks and rejections are told apart without parsing every event.
    if (text.startsWith('{"type":"ack"') || text.startsWith('{"type":"reject"')) {
      const message = JSON.parse(text) as { type: string; id?: string; seq?: number; code?: string; message?: string };
      const waiter = message.id === undefined ? undefined : this.pending.get(message.id);
      if (waiter) {
        this.pending.delete(message.id!);
        if (message.type === 'ack') waiter.resolve(message.seq!);
        else waiter.reject(new Refused(message.code ?? 'unknown', message.message ?? ''));
        return;
      }
    }
    this.watch?.(text);
  }
}

/** A bare client of a broadcast server. */
export class RawConnection implements Watchable {
  watch?: (text: string) => void;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => this.watch?.(data.toString()));
  }

  static async connect(url: string): Promise<RawConnection> {
    return new RawConnection(await open(url));
  }

  close(): void {
    this.ws.terminate();
  }
}

/**
 * One fan-out round: arms every receiver, calls `send`, and resolves with the
 * milliseconds until the last receiver got a message for which `matches`
 * holds. Rejects when `send` fails or a receiver is missing after `timeoutMs`.
 */
export function fanOutRound(
  receivers: readonly Watchable[],
  matches: (text: string) => boolean,
  send: () => Promise<unknown> | void,
  timeoutMs = 15_000,
): Promise<number> {
  return new Promise((resolve, reject) => {
    let left = receivers.length;
    const timer = setTimeout(() => {
      for (const receiver of receivers) receiver.watch = undefined;
      reject(new Error(`${left} of ${receivers.length} receivers missed the message after ${timeoutMs} ms`));
    }, timeoutMs);
    const t0 = performance.now();
    for (const receiver of receivers) {
      receiver.watch = (text) => {
        if (!matches(text)) return;
        receiver.watch = undefined;
        if (--left === 0) {
          clearTimeout(timer);
          resolve(performance.now() - t0);
        }
      };
    }
    const sent = send();
    if (sent) {
      sent.catch((error: unknown) => {
        clearTimeout(timer);
        for (const receiver of receivers) receiver.watch = undefined;
        reject(error instanceof Error ? error : new Error(String(error)));
      });
    }
  });
}
