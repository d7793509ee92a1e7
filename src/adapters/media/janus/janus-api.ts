/**
 * The Janus API over one WebSocket (subprotocol `janus-protocol`), as the
 * Janus documentation describes it ("The Janus API", "WebSockets"): a
 * session (`create`, `keepalive`, `claim`, `destroy`), plugin handles
 * (`attach`, `message`, `trickle`, `detach`), requests matched to their
 * replies by `transaction`, and events routed to their handle by `sender`.
 *
 * Requests to a plugin are synchronous (a `success` carrying `plugindata`) or
 * asynchronous (an `ack`, then an `event` with the same transaction); a
 * request resolves with the reply that ends it, and rejects with a
 * `JanusError` for a Janus or plugin error, or when the socket closes.
 */

/** The subprotocol the Janus WebSocket transport speaks. */
export const JANUS_SUBPROTOCOL = 'janus-protocol';

/** A message from Janus (only the fields this adapter reads). */
export interface JanusMessage {
  readonly janus: string;
  readonly transaction?: string;
  readonly session_id?: number;
  readonly sender?: number;
  readonly data?: { readonly id?: number } & Record<string, unknown>;
  readonly error?: { readonly code: number; readonly reason: string };
  readonly plugindata?: { readonly plugin: string; readonly data: PluginData };
  readonly jsep?: RTCSessionDescriptionInit;
  readonly candidate?: RTCIceCandidateInit & { readonly completed?: boolean };
  readonly reason?: string;
  readonly type?: string;
  readonly receiving?: boolean;
  readonly uplink?: boolean;
}

/** What a plugin answers: for the VideoRoom, `videoroom` names the kind of answer. */
export type PluginData = Readonly<Record<string, unknown>> & {
  readonly videoroom?: string;
  readonly error_code?: number;
  readonly error?: string;
};

/** A plugin's answer to a `message`, with the SDP it carries, if any. */
export interface PluginReply {
  readonly data: PluginData;
  readonly jsep?: RTCSessionDescriptionInit;
}

/** A failure Janus reported (its numeric code and reason), or the socket closing under a request. */
export class JanusError extends Error {
  constructor(
    /** Janus's error code (Janus API: 458 no such session, 459 no such handle…; VideoRoom: 426 no such room, 427 room exists…); 0 when the socket closed. */
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'JanusError';
  }
}

/** Janus API error 458: the session is gone (timed out, or destroyed with its transport). */
export const JANUS_NO_SUCH_SESSION = 458;
/** VideoRoom error 427: the room exists already (another participant created it first). */
export const VIDEOROOM_ROOM_EXISTS = 427;

/** How long a request may wait for Janus's answer. */
const REQUEST_TIMEOUT_MS = 10_000;

const randomId = () => Math.random().toString(36).slice(2, 12);

/** Opens a WebSocket to Janus; rejects when it cannot open within `timeoutMs`. */
export function openJanusSocket(url: string, timeoutMs: number): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    let ws: WebSocket;
    try {
      ws = new WebSocket(url, JANUS_SUBPROTOCOL);
    } catch (error) {
      reject(error);
      return;
    }
    const timer = setTimeout(() => {
      ws.close();
      reject(new Error(`no WebSocket to ${url} within ${timeoutMs} ms`));
    }, timeoutMs);
    ws.onopen = () => {
      clearTimeout(timer);
      resolve(ws);
    };
    ws.onerror = () => {
      clearTimeout(timer);
      reject(new Error(`WebSocket to ${url} failed`));
    };
  });
}

interface Pending {
  readonly resolve: (message: JanusMessage) => void;
  readonly reject: (error: Error) => void;
  /** Resolve on `ack` (trickle, keepalive) rather than wait for the reply that ends the request. */
  readonly ack: boolean;
}

/**
 * One Janus WebSocket: sends requests, matches their replies, and passes every
 * other message (events, trickles, hangups) to `onEvent`.
 */
export class JanusSocket {
  private readonly pending = new Map<string, Pending>();
  private closedByUs = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly onEvent: (message: JanusMessage) => void,
    private readonly onClose: () => void,
  ) {
    ws.onmessage = (event: MessageEvent) => this.receive(String(event.data));
    ws.onclose = () => {
      for (const p of this.pending.values()) p.reject(new JanusError(0, 'the Janus WebSocket closed'));
      this.pending.clear();
      if (!this.closedByUs) this.onClose();
    };
    ws.onerror = () => {};
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  /**
   * Sends one request; resolves with its final reply (or its `ack` when
   * `ack`). Janus answers every request; one unanswered after `timeoutMs`
   * (a stuck server) rejects, so no step of the adapter waits forever.
   */
  request(body: Record<string, unknown>, ack = false, timeoutMs = REQUEST_TIMEOUT_MS): Promise<JanusMessage> {
    if (!this.open) return Promise.reject(new JanusError(0, 'the Janus WebSocket is not open'));
    const transaction = randomId();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(transaction);
        reject(new JanusError(0, `no answer to ${String(body.janus)} within ${timeoutMs} ms`));
      }, timeoutMs);
      const settle =
        <T>(f: (value: T) => void) =>
        (value: T) => {
          clearTimeout(timer);
          f(value);
        };
      this.pending.set(transaction, { resolve: settle(resolve), reject: settle(reject), ack });
      this.ws.send(JSON.stringify({ ...body, transaction }));
    });
  }

  close(): void {
    this.closedByUs = true;
    for (const p of this.pending.values()) p.reject(new JanusError(0, 'closed'));
    this.pending.clear();
    this.ws.onclose = null;
    this.ws.close();
  }

  private receive(text: string): void {
    let message: JanusMessage;
    try {
      message = JSON.parse(text) as JanusMessage;
    } catch {
      return;
    }
    const pending = message.transaction ? this.pending.get(message.transaction) : undefined;
    // An event carrying the transaction of an asynchronous request ends it; events without one are the handle's own.
    if (!pending) {
      this.onEvent(message);
      return;
    }
    if (message.janus === 'ack' && !pending.ack) return;
    this.pending.delete(message.transaction!);
    if (message.janus === 'error') pending.reject(new JanusError(message.error?.code ?? 0, message.error?.reason ?? 'Janus error'));
    else pending.resolve(message);
    // An asynchronous request's event is also an event of its handle (a `joined`, a `configured` with an answer).
  }
}

/** Throws the plugin's error, if its answer is one. */
export function pluginReply(message: JanusMessage): PluginReply {
  const data = message.plugindata?.data ?? {};
  if (typeof data.error_code === 'number') throw new JanusError(data.error_code, String(data.error ?? 'VideoRoom error'));
  return { data, ...(message.jsep ? { jsep: message.jsep } : {}) };
}
