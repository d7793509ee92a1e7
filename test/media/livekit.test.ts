/**
 * The LiveKit adapter in Debian's Chromium, as far as it runs without a
 * LiveKit server (none can be installed here; the conformance suite runs it
 * against a real one when LIVEKIT_URL is set): the real livekit-client, loaded
 * by the page's loader or through an import map, or missing; a LiveKit address
 * where nothing listens; and the room's whole flow: `<party-meeting-room
 * media="livekit">` asks the real meeting server for a token with the join
 * token (POST /media/livekit-token) and hands it to the adapter. And each
 * attempt to join LiveKit (a retry after a drop, a second connect) asks the
 * real meeting server's endpoint for a fresh token: one is valid 15 minutes.
 */
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startMeetingServer, type MeetingServer } from '../../server/app.js';
import { livekitConfigFromEnv, LivekitTokens, livekitTokenEndpoint } from '../../server/livekit.js';
import { silentLog } from '../../server/log.js';
import { SqliteEventStore } from '../../server/sqlite-event-store.js';
import { waitFor, repoRoot } from '../e2e/helpers.js';
import { testMeeting } from '../helpers/meeting.js';
import type { LivekitView } from './livekit/page.js';
import { livekitSkipReason } from './livekit/registry.js';
import { MEDIA_ARGS } from './testbed.js';

const SECRET = 'livekit-adapter-test-secret-long-enough-for-hs256';

/** A port on 127.0.0.1 where nothing listens (taken, then let go). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the LiveKit adapter in Chromium, without a LiveKit server', { timeout: 120_000 }, () => {
  let server: MeetingServer;
  let store: SqliteEventStore;
  let dir: string;
  let browser: Browser;
  let livekitUrl: string;
  /** Who asked the token endpoint, in order, and for which call of the test page's `connect` (its `x-connect` header). */
  const asked: { readonly who: string; readonly connect?: string }[] = [];
  const whoAsked = () => asked.map((a) => a.who);

  before(async () => {
    const bundle = await build({
      entryPoints: [join(repoRoot, 'test/media/livekit/page.ts')],
      bundle: true,
      format: 'esm',
      target: 'es2022',
      minify: true,
      write: false,
      logLevel: 'silent',
    });
    const script = bundle.outputFiles[0]!.contents;
    const livekitEsm = readFileSync(join(repoRoot, 'node_modules/livekit-client/dist/livekit-client.esm.mjs'));
    const page = (importMap: boolean) =>
      '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>livekit</title><link rel="icon" href="data:,">' +
      (importMap ? '<script type="importmap">{"imports":{"livekit-client":"/livekit-client.mjs"}}</script>' : '') +
      '</head><body><script type="module" src="/page.js"></script></body></html>';
    const files: Record<string, [string, string | Uint8Array]> = {
      '/page': ['text/html', page(false)],
      '/page-mapped': ['text/html', page(true)],
      '/page.js': ['text/javascript', script],
      '/livekit-client.mjs': ['text/javascript', livekitEsm],
    };
    livekitUrl = `ws://127.0.0.1:${await closedPort()}`;
    // With a LiveKit server given (LIVEKIT_URL and its keys), the endpoint mints for it; the cases without one never reach it.
    const livekit = await LivekitTokens.create(livekitConfigFromEnv() ?? { url: livekitUrl, apiKey: 'APItest', apiSecret: 'livekit-secret-for-the-adapter-test-000000' });
    const mounted: { endpoint?: ReturnType<typeof livekitTokenEndpoint> } = {};
    const http = async (req: IncomingMessage, res: ServerResponse) => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (path === '/media/livekit-token' && req.method === 'POST') {
        const claims = await server.tokens.verify(String(req.headers.authorization).replace(/^Bearer /, '')).catch(() => undefined);
        const connect = req.headers['x-connect'];
        asked.push({ who: claims?.participantId ?? 'invalid', ...(typeof connect === 'string' ? { connect } : {}) });
      }
      if (mounted.endpoint && (await mounted.endpoint(req, res))) return true;
      const file = files[path];
      if (!file) return false;
      res.writeHead(200, { 'content-type': `${file[0]}; charset=utf-8` }).end(file[1]);
      return true;
    };
    dir = mkdtempSync(join(tmpdir(), 'party-livekit-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'));
    server = await startMeetingServer({ store, secret: SECRET, port: 0, host: '127.0.0.1', log: silentLog, meetings: [testMeeting], http });
    mounted.endpoint = livekitTokenEndpoint({ livekit, tokens: server.tokens, meeting: (id) => server.meeting(id)?.state });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: MEDIA_ARGS });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Opens the page with the adapter and returns it once the adapter's first connect attempt ended. */
  async function adapterPage(query: Record<string, string>, path = '/page'): Promise<Page> {
    const context = await browser.newContext({ permissions: ['camera', 'microphone'] });
    const page = await context.newPage();
    await page.goto(`${server.url}${path}?${new URLSearchParams({ mode: 'adapter', ...query })}`);
    await waitFor('the adapter’s connect ended', () => page.evaluate(() => window.livekitTest?.connected === true).then((ok) => ok || Promise.reject(new Error('not yet'))), 20_000);
    return page;
  }
  const viewOf = (page: Page): Promise<LivekitView> => page.evaluate(() => window.livekitTest.view());
  const options = () => JSON.stringify({ url: livekitUrl });

  it('without livekit-client on the page (no loader, no import map): not-supported, “LiveKit is not installed”', async () => {
    const page = await adapterPage({ loader: '0', options: options(), join: JSON.stringify({ mediaToken: 'a-token' }) });
    try {
      const v = await viewOf(page);
      assert.equal(v.status, 'failed');
      assert.equal(v.error?.code, 'not-supported');
      assert.match(v.error?.detail ?? '', /LiveKit is not installed/);
    } finally {
      await page.context().close();
    }
  });

  it('livekit-client from an import map: loaded, and a LiveKit address where nothing listens is server-unreachable', async () => {
    const page = await adapterPage({ loader: '0', options: options(), join: JSON.stringify({ mediaToken: 'a-token' }) }, '/page-mapped');
    try {
      const v = await viewOf(page);
      assert.equal(v.status, 'failed');
      assert.equal(v.error?.code, 'server-unreachable', JSON.stringify(v));
      assert.doesNotMatch(v.error?.detail ?? '', /not installed|no LiveKit token/);
      // The setters never throw while LiveKit is out of reach, and the floor's lock holds.
      await page.evaluate(() => window.livekitTest.call('applyMicrophoneRule', { forceMute: true, mayUnmute: false }));
      await page.evaluate(() => window.livekitTest.call('setMicrophone', true));
      await page.evaluate(() => window.livekitTest.call('setCamera', false));
      await page.evaluate(() => window.livekitTest.call('setBandwidthCap', 300));
      const after = await viewOf(page);
      assert.deepEqual([after.microphoneOn, after.microphoneLocked, after.error?.code], [false, true, 'server-unreachable']);
    } finally {
      await page.context().close();
    }
  });

  it('no token from the meeting server: server-unreachable, saying so', async () => {
    const page = await adapterPage({ options: options() });
    try {
      const v = await viewOf(page);
      assert.deepEqual([v.status, v.error?.code], ['failed', 'server-unreachable']);
      assert.match(v.error?.detail ?? '', /no LiveKit token/);
    } finally {
      await page.context().close();
    }
  });

  it('end-to-end encryption asked without the worker: not-supported', async () => {
    const page = await adapterPage({ options: JSON.stringify({ url: livekitUrl, e2eeKey: 'a shared passphrase' }), join: JSON.stringify({ mediaToken: 'a-token' }) });
    try {
      const v = await viewOf(page);
      assert.equal(v.error?.code, 'not-supported');
      assert.match(v.error?.detail ?? '', /e2eeWorker/);
    } finally {
      await page.context().close();
    }
  });

  it('<party-meeting-room media="livekit">: on “Vào họp” the adapter asks the meeting server for the member’s LiveKit token, uses it, and asks anew when it tries again', async () => {
    const context = await browser.newContext({ permissions: ['camera', 'microphone'] });
    const page = await context.newPage();
    try {
      const token = await server.tokens.sign({ meetingId: testMeeting.id, participantId: 'full-b', role: 'member' }, '1h');
      asked.length = 0;
      await page.goto(`${server.url}/page?${new URLSearchParams({ mode: 'room', token, options: options() })}`);
      await page.locator('device-check button[data-action="join"]').click({ timeout: 20_000 });
      const v = await waitFor('the room’s adapter tried LiveKit', async () => {
        const current = await page.evaluate(() => window.livekitTest.view());
        if (current.status !== 'failed') throw new Error(JSON.stringify(current));
        return current;
      }, 20_000);
      assert.equal(whoAsked()[0], 'full-b', 'a token asked with full-b’s join token');
      assert.equal(v.error?.code, 'server-unreachable');
      // Had the token not reached the adapter, the detail would say "no LiveKit token".
      assert.doesNotMatch(v.error?.detail ?? '', /no LiveKit token/);
      // LiveKit cannot be reached: the adapter tries again a second later, with a fresh token, never the first one again.
      await waitFor('a second token asked', async () => (asked.length >= 2 ? true : Promise.reject(new Error(JSON.stringify(asked)))), 15_000);
      assert.deepEqual([...new Set(whoAsked())], ['full-b'], 'every token asked with full-b’s join token');
      // The meeting goes on: the room still shows the procedure.
      assert.ok(await page.locator('party-meeting-room media-stage').count(), 'the stage is shown with the error');
    } finally {
      await context.close();
    }
  });
  it('a second connect of the same join asks the meeting server for a new token, and so does every retry', async () => {
    const token = await server.tokens.sign({ meetingId: testMeeting.id, participantId: 'full-a', role: 'member' }, '1h');
    asked.length = 0;
    const page = await adapterPage({ options: options(), tokenFrom: token });
    try {
      const first = await viewOf(page);
      assert.deepEqual([first.status, first.error?.code], ['failed', 'server-unreachable'], JSON.stringify(first));
      // The token came (the endpoint minted one): what failed is LiveKit, where nothing listens.
      assert.doesNotMatch(first.error?.detail ?? '', /no LiveKit token/);
      assert.deepEqual(asked[0], { who: 'full-a', connect: '1' });
      await page.evaluate(() => window.livekitTest.reconnect());
      assert.ok(asked.some((a) => a.who === 'full-a' && a.connect === '2'), `the second connect asked for its own token: ${JSON.stringify(asked)}`);
      // Within that connect, the retry after LiveKit failed asks again.
      const secondConnect = () => asked.filter((a) => a.connect === '2').length;
      await waitFor('the retry asked for a token', async () => (secondConnect() >= 2 ? true : Promise.reject(new Error(JSON.stringify(asked)))), 15_000);
    } finally {
      await page.context().close();
    }
  });

  it('the meeting server refuses the token (a bad join token): server-unreachable, saying the meeting server gave none', async () => {
    asked.length = 0;
    const page = await adapterPage({ options: options(), tokenFrom: 'not-a-join-token' });
    try {
      const v = await viewOf(page);
      assert.deepEqual([v.status, v.error?.code], ['failed', 'server-unreachable']);
      assert.match(v.error?.detail ?? '', /the meeting server gave no LiveKit token: the meeting server answered 401/);
      assert.deepEqual(asked[0], { who: 'invalid', connect: '1' });
    } finally {
      await page.context().close();
    }
  });

  it('with a real LiveKit server: a second connect joins again, with a new token from the meeting server', { skip: livekitSkipReason() }, async () => {
    const token = await server.tokens.sign({ meetingId: testMeeting.id, participantId: 'full-a', role: 'member' }, '1h');
    asked.length = 0;
    const page = await adapterPage({ options: JSON.stringify({ url: process.env.LIVEKIT_URL }), tokenFrom: token });
    const connected = () =>
      waitFor('connected to LiveKit', async () => {
        const v = await viewOf(page);
        return v.status === 'connected' ? v : Promise.reject(new Error(JSON.stringify(v)));
      }, 20_000);
    try {
      await connected();
      assert.deepEqual(asked, [{ who: 'full-a', connect: '1' }]);
      await page.evaluate(() => window.livekitTest.reconnect());
      await connected();
      assert.deepEqual(asked, [{ who: 'full-a', connect: '1' }, { who: 'full-a', connect: '2' }]);
    } finally {
      await page.context().close();
    }
  });
});
