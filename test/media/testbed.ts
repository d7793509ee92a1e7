/**
 * The media conformance suite's world: the real meeting server (SQLite in a
 * temporary folder; media-server.ts) serving a tiny page that bundles the
 * harness with one adapter, and Debian's Chromium with fake devices, one
 * browser context per participant. Everything on 127.0.0.1, inside the
 * test's network namespace (see `networkSkipReason`).
 */
import { build } from 'esbuild';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { ClientCommand, MeetingDefinition, Role } from '../../src/core/index.js';
import { CHROMIUM_ARGS, repoRoot, waitFor } from '../e2e/helpers.js';
import type { AdapterUnderTest } from './adapters.js';
import type { MediaHarness, ReceiveCounters, SnapshotView } from './harness/harness.js';
import { startMediaServer, type MediaServer } from './media-server.js';

/**
 * Chromium's media flags: fake camera and microphone, and host candidates on
 * loopback (TOOLCHAIN.md: none are gathered on loopback without it). Not
 * `--use-fake-ui-for-media-stream`: permissions are given per context with
 * playwright's `permissions` (camera and microphone, or the microphone alone
 * for the denied-camera case); Chromium 156 then answers a camera request of a
 * context without the camera permission with NotAllowedError at once.
 */
export const MEDIA_ARGS = [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--allow-loopback-in-peer-connection', '--autoplay-policy=no-user-gesture-required'];

/**
 * Why WebRTC must not run here, or undefined: the suite runs only inside a
 * network namespace without a route out (every address loopback or
 * link-local; `unshare -n`, as scripts/run-tests.mjs does), so no packet can
 * leave the machine. `MEDIA_SKIP` carries the runner's own reason.
 */
export function networkSkipReason(): string | undefined {
  if (process.env.MEDIA_SKIP) return process.env.MEDIA_SKIP;
  const outside = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && !(a.family === 'IPv4' ? a.address.startsWith('127.') : a.address === '::1' || a.address.toLowerCase().startsWith('fe80:')));
  return outside.length > 0 ? 'media conformance needs a network namespace with only loopback (run it through scripts/run-tests.mjs, or unshare -n)' : undefined;
}

/**
 * Why `adapter` is not run here, or undefined: no isolated network, not in
 * `MEDIA_ADAPTERS` (a comma-separated list, to run some adapters only), or
 * the adapter's own reason.
 */
export function adapterSkipReason(adapter: AdapterUnderTest): string | undefined {
  const only = process.env.MEDIA_ADAPTERS?.split(',').map((name) => name.trim());
  if (only && !only.includes(adapter.name)) return `not in MEDIA_ADAPTERS=${process.env.MEDIA_ADAPTERS}`;
  return networkSkipReason() ?? adapter.skip();
}

/** The page of one participant, driven through `window.media`. */
export class MediaPage {
  constructor(
    readonly participantId: string,
    readonly page: Page,
    readonly context: BrowserContext,
  ) {}

  snapshot(): Promise<SnapshotView> {
    return this.page.evaluate(() => window.media.snapshot());
  }

  call(method: Parameters<MediaHarness['call']>[0], value: boolean | number | undefined): Promise<number> {
    return this.page.evaluate(([m, v]) => window.media.call(m, v), [method, value] as const);
  }

  seen(): Promise<ReturnType<MediaHarness['seen']>> {
    return this.page.evaluate(() => window.media.seen());
  }

  receiving(): Promise<Record<string, ReceiveCounters>> {
    return this.page.evaluate(() => window.media.receiving());
  }

  totalFramesDecoded(): Promise<number> {
    return this.page.evaluate(() => window.media.totalFramesDecoded());
  }

  codecSeconds(): ReturnType<MediaHarness['codecSeconds']> {
    return this.page.evaluate(() => window.media.codecSeconds());
  }

  videoSenderCaps(): Promise<(number | null)[]> {
    return this.page.evaluate(() => window.media.videoSenderCaps());
  }

  command(command: ClientCommand): Promise<number> {
    return this.page.evaluate((c) => window.media.command(c), command);
  }

  dropNetwork(options: Parameters<MediaHarness['dropNetwork']>[0]): Promise<void> {
    return this.page.evaluate((o) => window.media.dropNetwork(o), options);
  }

  info(): Promise<ReturnType<MediaHarness['info']>> {
    return this.page.evaluate(() => window.media.info());
  }

  timings(): Promise<MediaHarness['timings']> {
    return this.page.evaluate(() => window.media.timings);
  }

  /** The snapshot and the adapter's diagnostics, for a failure message. */
  async report(): Promise<string> {
    const [snapshot, diagnostics] = await Promise.all([this.snapshot(), this.page.evaluate(() => window.media.diagnostics())]);
    return `${this.participantId}: ${JSON.stringify(snapshot)}\n  ${JSON.stringify(diagnostics)}`;
  }

  close(): Promise<void> {
    return this.context.close();
  }
}

/** How to open one participant's page. */
export interface OpenOptions {
  readonly role: Role;
  /** More of `MediaJoin` (cameraOff, audioOnly…). */
  readonly join?: Readonly<Record<string, unknown>>;
  /** Browser permissions of the context; camera and microphone by default. */
  readonly permissions?: readonly string[];
  /** Time the first remote frames (bench). */
  readonly measure?: boolean;
  /** The adapter's options for this page instead of the testbed's. */
  readonly options?: Readonly<Record<string, unknown>>;
  /** Another browser (from `launchBrowser`), to measure one device's CPU apart from the others. */
  readonly browser?: Browser;
  /** How long to wait for the adapter to connect (15 s by default). */
  readonly readyTimeoutMs?: number;
}

/** The server, the bundled page and the browser for one adapter. */
export class MediaTestbed {
  private readonly browsers: Browser[] = [];

  private constructor(
    readonly adapter: AdapterUnderTest,
    readonly options: Readonly<Record<string, unknown>>,
    readonly server: MediaServer,
    readonly browser: Browser,
  ) {}

  /**
   * Bundles the harness with the adapter, starts the meeting server (with
   * `meetings`; in a process of its own with `serverProcess`) and the browser.
   */
  static async start(
    adapter: AdapterUnderTest,
    meetings: readonly MeetingDefinition[],
    options: Readonly<Record<string, unknown>>,
    { serverProcess = false }: { readonly serverProcess?: boolean } = {},
  ): Promise<MediaTestbed> {
    const bundle = await build({
      stdin: {
        contents: `import { startHarness } from './harness/harness.ts';\nimport { ${adapter.factory} as create } from ${JSON.stringify(join(repoRoot, adapter.module))};\nstartHarness(create);\n`,
        resolveDir: join(repoRoot, 'test', 'media'),
        sourcefile: `harness-${adapter.name}.ts`,
        loader: 'ts',
      },
      bundle: true,
      // Minified, as a portal ships it: the join benchmark times the page's load too.
      minify: true,
      format: 'esm',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    });
    const script = bundle.outputFiles[0]!.text;
    // The bundle inline, as a one-file portal page would ship it (one request less to time); `</script` cannot end it early.
    const page = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>media conformance</title><link rel="icon" href="data:,"></head><body><script type="module">${script.replaceAll('</script', '<\\/script')}</script></body></html>`;
    const server = await startMediaServer(meetings, page, serverProcess);
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: MEDIA_ARGS });
    return new MediaTestbed(adapter, options, server, browser);
  }

  /** Opens a participant's page in a fresh context and waits until its adapter connected. */
  async open(participantId: string, meetingId: string, open: OpenOptions): Promise<MediaPage> {
    const context = await (open.browser ?? this.browser).newContext({ permissions: [...(open.permissions ?? ['camera', 'microphone'])] });
    const page = await context.newPage();
    const media = new MediaPage(participantId, page, context);
    const token = await this.server.sign({ meetingId, participantId, role: open.role });
    const extra = (await this.adapter.join?.(participantId, open.role, meetingId)) ?? {};
    const query = new URLSearchParams({ token, options: JSON.stringify(open.options ?? this.options), join: JSON.stringify({ ...extra, ...open.join }) });
    if (open.measure) query.set('measure', '1');
    await page.goto(`${this.server.url}/media?${query}`);
    await waitFor(`${participantId}: adapter connected`, () => page.evaluate(() => window.media?.ready === true).then((ok) => (ok ? ok : Promise.reject(new Error('not yet')))), open.readyTimeoutMs ?? 15_000, 100);
    return media;
  }

  /** Another Chromium with the same flags, closed by `stop`. */
  async launchBrowser(): Promise<Browser> {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: MEDIA_ARGS });
    this.browsers.push(browser);
    return browser;
  }

  async stop(): Promise<void> {
    for (const browser of [this.browser, ...this.browsers]) await browser.close().catch(() => {});
    await this.server.stop();
  }
}
