/**
 * Helpers of the end-to-end tests: a free port, the real server as a child
 * process, polling assertions, and raw WebSockets opened from inside a page.
 * Everything listens on and talks to 127.0.0.1 only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/** The repository's root folder. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Chromium's flags for this machine (TOOLCHAIN.md: root, headless, no network chatter). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no port'))));
    });
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Thrown by a probe of `waitFor` to stop retrying at once. */
export class GaveUp extends Error {}

/**
 * The steps of one end-to-end scenario, run in order: once a step fails, the
 * later ones are skipped with the reason rather than failing in cascade.
 */
export class Scenario {
  /** Whether a step has failed (the suite then prints the server's log). */
  failed = false;

  /** Registers one step (a node:test `it`). */
  readonly step = (name: string, body: () => Promise<void>): void => {
    it(name, async (t) => {
      if (this.failed) {
        t.skip('an earlier step failed');
        return;
      }
      try {
        await body();
      } catch (error) {
        this.failed = true;
        throw error;
      }
    });
  };
}

/**
 * Retries `probe` until it returns without throwing (expect-style polling),
 * unless it throws `GaveUp`, and throws its last error, with `what` in front, after `timeoutMs`.
 */
export async function waitFor<T>(what: string, probe: () => T | Promise<T>, timeoutMs = 5_000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      // A probe that hangs (a stuck page, a request never answered) still ends at the deadline.
      const hung = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('the probe did not answer')), Math.max(deadline - Date.now(), 0) + 1_000);
      });
      return await Promise.race([Promise.resolve().then(probe), hung]);
    } catch (error) {
      if (error instanceof GaveUp) throw error;
      if (Date.now() >= deadline) {
        const detail = error instanceof Error ? error.message : String(error);
        const wrapped = new Error(`${what}: still failing after ${timeoutMs} ms\n${detail}`);
        (wrapped as Error & { cause?: unknown }).cause = error;
        throw wrapped;
      }
    } finally {
      clearTimeout(timer);
    }
    await sleep(intervalMs);
  }
}

/** One run of `node --import tsx server/main.ts --demo`, its output kept for failure reports. */
export class ServerProcess {
  readonly output: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private constructor(readonly label: string, readonly child: ChildProcess) {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => this.output.push(chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => this.output.push(chunk));
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  /** Starts the server with the given environment; does not wait for it. */
  static start(label: string, env: { PORT: number; DATA_DIR: string; PARTY_JWT_SECRET: string } & Record<string, string | number>): ServerProcess {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--demo'], {
      cwd: repoRoot,
      env: { ...process.env, HOST: '127.0.0.1', ...Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)])) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new ServerProcess(label, child);
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Waits until `path` answers 200 (first `/healthz`, then the demo page). */
  async ready(baseUrl: string, timeoutMs = 20_000): Promise<void> {
    // `/` too: /healthz answers a moment before the demo page is served (see the e2e report).
    for (const path of ['/healthz', '/']) {
      await waitFor(
        `${this.label}: GET ${path}`,
        async () => {
          if (!this.running) {
            throw new GaveUp(`${this.label} exited before it was ready (code ${this.child.exitCode}, signal ${this.child.signalCode})`);
          }
          const response = await fetch(`${baseUrl}${path}`);
          await response.arrayBuffer();
          if (response.status !== 200) throw new Error(`status ${response.status}`);
        },
        timeoutMs,
        50,
      );
    }
  }

  /** SIGKILLs this process (only this one, by its handle) and waits for it to be gone. */
  async kill(): Promise<void> {
    if (this.running) this.child.kill('SIGKILL');
    await this.exited;
  }

  /** The process's stdout and stderr so far. */
  log(): string {
    return `----- ${this.label} (pid ${this.child.pid}) -----\n${this.output.join('')}`;
  }
}

/** What the in-page socket helper keeps on `window`. */
interface PageSockets {
  __e2eSockets?: Record<string, { ws: { readyState: number; send(data: string): void; close(): void }; inbox: string[]; waiters: (() => void)[] }>;
}

/**
 * A raw WebSocket opened by a page's own JavaScript (same origin as the demo),
 * so it goes through everything a hostile page script could use.
 */
export class PageSocket {
  private read = 0;
  private constructor(private readonly page: Page, private readonly name: string) {}

  /** Opens `ws://…/ws` from the page and waits until it is open. */
  static async open(page: Page, name: string, url: string): Promise<PageSocket> {
    await page.evaluate(
      ({ name, url }) =>
        new Promise<void>((resolve, reject) => {
          const g = globalThis as unknown as PageSockets & { WebSocket: typeof WebSocket };
          g.__e2eSockets ??= {};
          const ws = new g.WebSocket(url);
          const entry = { ws, inbox: [] as string[], waiters: [] as (() => void)[] };
          g.__e2eSockets[name] = entry;
          ws.onmessage = (event: MessageEvent) => {
            entry.inbox.push(String(event.data));
            for (const wake of entry.waiters.splice(0)) wake();
          };
          ws.onclose = () => {
            for (const wake of entry.waiters.splice(0)) wake();
          };
          ws.onopen = () => resolve();
          ws.onerror = () => reject(new Error(`WebSocket ${url} failed to open`));
        }),
      { name, url },
    );
    return new PageSocket(page, name);
  }

  /** Sends raw text. */
  async send(text: string): Promise<void> {
    await this.page.evaluate(({ name, text }) => (globalThis as unknown as PageSockets).__e2eSockets![name]!.ws.send(text), { name: this.name, text });
  }

  /** Sends a value as JSON. */
  sendJson(value: unknown): Promise<void> {
    return this.send(JSON.stringify(value));
  }

  /**
   * The next message the page received, parsed; broadcast `event` messages are
   * skipped unless `includeEvents`. Fails after `timeoutMs` without one.
   */
  async next(timeoutMs = 5_000, includeEvents = false): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`socket ${this.name}: no message within ${timeoutMs} ms`);
      const raw = await this.page.evaluate(
        ({ name, index, remaining }) =>
          new Promise<string | null>((resolve) => {
            const entry = (globalThis as unknown as PageSockets).__e2eSockets![name]!;
            if (entry.inbox.length > index) return resolve(entry.inbox[index]!);
            if (entry.ws.readyState >= 2) return resolve(null);
            const timer = setTimeout(() => resolve(null), remaining);
            entry.waiters.push(() => {
              clearTimeout(timer);
              resolve(entry.inbox[index] ?? null);
            });
          }),
        { name: this.name, index: this.read, remaining },
      );
      if (raw === null) {
        if (!(await this.isOpen())) throw new Error(`socket ${this.name}: closed while waiting for a message`);
        continue;
      }
      this.read += 1;
      const message = JSON.parse(raw) as Record<string, unknown>;
      if (message.type === 'event' && !includeEvents) continue;
      return message;
    }
  }

  /** Whether the socket is still open (readyState 1). */
  isOpen(): Promise<boolean> {
    return this.page.evaluate((name) => (globalThis as unknown as PageSockets).__e2eSockets![name]!.ws.readyState === 1, this.name);
  }

  close(): Promise<void> {
    return this.page.evaluate((name) => (globalThis as unknown as PageSockets).__e2eSockets![name]!.ws.close(), this.name);
  }
}
