import { WebSocket } from 'ws';

/** A raw WebSocket peer of the meeting server for tests: sends JSON and waits for matching replies. */
export class WsPeer {
  readonly messages: Array<Record<string, unknown>> = [];
  closed?: { code: number; reason: string };
  private waiters: Array<() => void> = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const message = JSON.parse(data.toString()) as Record<string, unknown>;
      // A group commit's `events` frame is read as its `event` messages, as the real client applies them.
      if (message.type === 'events') for (const e of message.events as object[]) this.messages.push({ type: 'event', ...e });
      else this.messages.push(message);
      this.wake();
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      this.wake();
    });
  }

  /** Opens a connection to `baseUrl`'s /ws. */
  static async open(baseUrl: string): Promise<WsPeer> {
    const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/ws`);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new WsPeer(ws);
  }

  /** Opens a connection and says hello; resolves with the welcome. */
  static async join(baseUrl: string, token: string, lastSeq?: number): Promise<{ peer: WsPeer; welcome: Record<string, unknown> }> {
    const peer = await WsPeer.open(baseUrl);
    peer.send({ type: 'hello', token, lastSeq });
    const welcome = await peer.next((m) => m.type === 'welcome');
    return { peer, welcome };
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** Resolves with the first message, received or still to come, that matches; consumes it. */
  async next(match: (m: Record<string, unknown>) => boolean, timeoutMs = 3000): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.messages.findIndex(match);
      if (index >= 0) return this.messages.splice(index, 1)[0]!;
      if (this.closed) throw new Error(`closed (${this.closed.code} ${this.closed.reason}) before a matching message; got ${JSON.stringify(this.messages)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching message within ${timeoutMs} ms; got ${JSON.stringify(this.messages)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Resolves when the server closes the connection. */
  async closedBy(timeoutMs = 3000): Promise<{ code: number; reason: string }> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed) {
      if (Date.now() > deadline) throw new Error('the connection stayed open');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deadline - Date.now());
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.closed;
  }

  close(): void {
    this.ws.close();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
