/**
 * The Janus adapter against a real Janus (Debian's, started by janus-server.ts
 * with the project's configuration) and real Chromium pages with fake devices
 * on the real meeting server: three participants at 320x240 receive each
 * other (decoded frames counted), a mute is seen by the others within a
 * second, the Janus WebSocket dropping is survived by claiming the session
 * (no new join), the media path to Janus going away and back is survived by
 * ICE restarts in the same session, Janus restarting is survived by joining again, and Janus
 * unreachable shows `server-unreachable`. The shared conformance suite runs
 * against Janus too (adapters.ts); this file covers what only Janus has.
 *
 * Runs only inside a loopback-only network namespace:
 *   unshare -n sh -c 'ip link set lo up && exec node --import tsx --test test/media/janus.test.ts'
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { decodeDisplay, encodeDisplay, roomIdFor } from '../../src/adapters/media/janus/feed-info.js';
import { freePort, waitFor } from '../e2e/helpers.js';
import { testMeeting } from '../helpers/meeting.js';
import { LOW_VIDEO, type AdapterUnderTest } from './adapters.js';
import { janusSkipReason, JanusServer } from './janus-server.js';
import type { ReceiveCounters } from './harness/harness.js';
import { MEDIA_ARGS, MediaPage, MediaTestbed } from './testbed.js';

describe('janus adapter: room ids and displays', () => {
  it('derives the same positive 52-bit room id from a meeting id every time, different for different meetings', () => {
    const ids = ['test-meeting', 'họp-chi-bộ-tháng-11', '', 'a'.repeat(500)].map(roomIdFor);
    for (const id of ids) assert.ok(Number.isSafeInteger(id) && id > 0 && id <= 2 ** 52, String(id));
    assert.equal(roomIdFor('test-meeting'), ids[0]);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('carries the participant, the name and the microphone and camera state in the display, and reads foreign displays', () => {
    const info = { participantId: 'full-a', name: 'Đảng viên A', microphoneOn: false, cameraOn: true, screen: false };
    assert.deepEqual(decodeDisplay(encodeDisplay(info), 1), info);
    assert.deepEqual(decodeDisplay(encodeDisplay({ ...info, screen: true }), 1).screen, true);
    assert.deepEqual(decodeDisplay('Alice', 7), { participantId: 'janus-7', name: 'Alice', microphoneOn: true, cameraOn: true, screen: false });
    assert.equal(decodeDisplay('{"broken', 8).participantId, 'janus-8');
    assert.equal(decodeDisplay(undefined, 9).name, 'Janus 9');
  });
});

const janusAdapter = (url: string): AdapterUnderTest => ({
  name: 'janus',
  module: 'src/adapters/media/janus/index.ts',
  factory: 'createJanusAdapter',
  skip: () => undefined,
  setup: async () => ({ options: { url }, teardown: async () => {} }),
});

/** Shorter session recovery than production, so a lost session is noticed within the test's time. */
const FAST_SESSION = { retryMs: 100, retryMaxMs: 500, reclaimMs: 3_000 };

const skip = janusSkipReason();
if (skip) console.log(`skipped: janus adapter tests: ${skip}`);

describe('janus adapter against a real Janus', { timeout: 150_000 }, () => {
  let janus: JanusServer | undefined;
  let bed: MediaTestbed | undefined;
  const pages: MediaPage[] = [];
  const page = (id: string) => pages.find((p) => p.participantId === id)!;
  const THREE = [
    { id: 'chair', role: 'chair' },
    { id: 'full-a', role: 'member' },
    { id: 'full-b', role: 'member' },
  ] as const;
  const others = (id: string) => THREE.map((p) => p.id).filter((x) => x !== id);

  /** Opens a page that also records its Janus WebSockets (for the drop test). */
  async function open(participantId: string, role: string, browser = bed!.browser): Promise<MediaPage> {
    const context = await browser.newContext({ permissions: ['camera', 'microphone'] });
    await context.addInitScript(() => {
      const Native = WebSocket;
      const sockets: WebSocket[] = [];
      (window as unknown as { janusSockets: WebSocket[] }).janusSockets = sockets;
      window.WebSocket = class extends Native {
        constructor(url: string | URL, protocols?: string | string[]) {
          super(url, protocols);
          if (protocols === 'janus-protocol') sockets.push(this);
        }
      };
    });
    const p = await context.newPage();
    const token = await bed!.server.tokens.sign({ meetingId: testMeeting.id, participantId, role: role as 'member' }, '1h');
    const query = new URLSearchParams({ token, options: JSON.stringify(bed!.options), join: '{}' });
    await p.goto(`${bed!.server.url}/media?${query}`);
    await waitFor(`${participantId}: adapter connected`, () => p.evaluate(() => window.media?.ready === true).then((ok) => (ok ? ok : Promise.reject(new Error('not yet')))), 15_000);
    const media = new MediaPage(participantId, p, context);
    pages.push(media);
    return media;
  }

  /** Waits until every page receives video frames and audio packets from the others, counted from now. */
  async function flowing(what: string, timeoutMs = 15_000): Promise<void> {
    const base = new Map<string, ReceiveCounters>();
    await waitFor(
      what,
      async () => {
        const missing: string[] = [];
        for (const p of pages) {
          const now = await p.receiving();
          for (const from of others(p.participantId)) {
            const k = `${p.participantId}<-${from}`;
            const c = now[from] ?? { framesDecoded: 0, screenFrames: 0, videoPackets: 0, audioPackets: 0, audioSamples: 0 };
            const b = base.get(k);
            if (!b || c.framesDecoded < b.framesDecoded || c.audioPackets < b.audioPackets) base.set(k, c);
            const from0 = base.get(k)!;
            if (c.framesDecoded - from0.framesDecoded < 5 || c.audioPackets - from0.audioPackets < 15) missing.push(`${k} (${c.framesDecoded - from0.framesDecoded} frames, ${c.audioPackets - from0.audioPackets} audio packets)`);
          }
        }
        if (missing.length) throw new Error(`not flowing: ${missing.join(', ')}`);
      },
      timeoutMs,
      250,
    ).catch(async (error: Error) => {
      const reports = await Promise.all(pages.map((p) => p.report().catch(() => p.participantId)));
      error.message += `\n${reports.join('\n')}\n${janus?.log().slice(-3_000) ?? ''}`;
      throw error;
    });
  }

  const sessionOf = async (p: MediaPage) => ((await p.page.evaluate(() => window.media.diagnostics())) as { session?: { id: number; state: string } }).session;

  before(async () => {
    if (skip) return;
    janus = await JanusServer.start();
    bed = await MediaTestbed.start(janusAdapter(janus.url), [testMeeting], { url: janus.url, video: LOW_VIDEO, session: FAST_SESSION });
  });
  after(async () => {
    await bed?.stop();
    await janus?.stop();
  });

  it('three participants receive each other’s audio and video through Janus', { skip, timeout: 40_000 }, async () => {
    const started = Date.now();
    for (const p of THREE) await open(p.id, p.role);
    for (const p of pages) {
      await waitFor(`${p.participantId} sees the two others`, async () => {
        const s = await p.snapshot();
        assert.equal(s.status, 'connected');
        assert.equal(s.error, undefined);
        assert.deepEqual(s.remotes.map((r) => r.participantId).sort(), others(p.participantId).sort());
        for (const r of s.remotes) assert.ok(r.audio && r.video && r.microphoneOn && r.cameraOn, JSON.stringify(r));
      }, 10_000);
    }
    await flowing('everyone receives everyone');
    console.log(`# janus: three joined and receiving each other in ${Date.now() - started} ms`);
  });

  it('a mute and a camera switched off are seen by the others within a second', { skip, timeout: 20_000 }, async () => {
    const a = page('full-a');
    for (const on of [false, true]) {
      const started = Date.now();
      await a.call('setMicrophone', on);
      await Promise.all(
        others('full-a').map((id) =>
          waitFor(`${id} sees full-a's microphone ${on}`, async () => assert.equal((await page(id).snapshot()).remotes.find((r) => r.participantId === 'full-a')?.microphoneOn, on), 1_000, 20),
        ),
      );
      console.log(`# janus: microphone ${on ? 'on' : 'off'} seen by both others after ${Date.now() - started} ms`);
    }
    await a.call('setCamera', false);
    await waitFor('chair sees full-a without video', async () => {
      const r = (await page('chair').snapshot()).remotes.find((x) => x.participantId === 'full-a');
      assert.ok(r && !r.cameraOn && !r.video);
    }, 1_000, 20);
    await a.call('setCamera', true);
    await flowing('full-a’s video is back');
  });

  it('a screen share goes out on a publisher handle of its own: the others get it as the sharer’s screen, and lose it when sharing stops', { skip, timeout: 30_000 }, async () => {
    // Chromium shares its fake screen only with the fake picker; the testbed's browser has none (its denied-camera case needs real prompts).
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...MEDIA_ARGS, '--use-fake-ui-for-media-stream'] });
    try {
      const sharer = await open('prob', 'member', browser);
      const watchers = pages.filter((p) => p !== sharer);
      await sharer.call('setScreenShare', true);
      assert.equal((await sharer.snapshot()).local.screenOn, true);
      await waitFor('everyone sees prob’s screen', async () => {
        for (const p of watchers) assert.equal((await p.snapshot()).remotes.find((r) => r.participantId === 'prob')?.screen, true, p.participantId);
      }, 10_000, 100);
      // Received on the chair's one subscription: prob's camera feed and its screen feed.
      const streams = ((await page('chair').page.evaluate(() => window.media.diagnostics())) as { subscription: { streams: string[] } }).subscription.streams;
      assert.equal(streams.filter((s) => s.includes(':video<-')).length, 4, streams.join(' '));
      await sharer.call('setScreenShare', false);
      await waitFor('nobody sees prob’s screen any more', async () => {
        for (const p of watchers) assert.equal((await p.snapshot()).remotes.find((r) => r.participantId === 'prob')?.screen, false, p.participantId);
      }, 10_000, 100);
      await sharer.close();
      pages.splice(pages.indexOf(sharer), 1);
      // Gone from Janus too, at once: the closing page destroyed its session (pagehide), not left it to time out.
      await waitFor('prob is gone from the others, and from the room', async () => {
        for (const p of pages) {
          assert.equal((await p.snapshot()).remotes.some((r) => r.participantId === 'prob'), false, p.participantId);
          const feeds = ((await p.page.evaluate(() => window.media.diagnostics())) as { feeds: string }).feeds;
          assert.equal(feeds.split(' ').length, 2, `${p.participantId} still has the feeds ${feeds}`);
        }
      }, 3_000, 100);
    } finally {
      await browser.close();
    }
  });

  it('the Janus WebSocket drops: the session is claimed back, media never stops, nobody joins again', { skip, timeout: 30_000 }, async () => {
    const b = page('full-b');
    const before = await sessionOf(b);
    const framesBefore = (await page('chair').receiving())['full-b']!.framesDecoded;
    await b.page.evaluate(() => {
      for (const ws of (window as unknown as { janusSockets: WebSocket[] }).janusSockets) ws.close();
    });
    await waitFor('full-b has its session back', async () => assert.deepEqual(await sessionOf(b), { id: before!.id, state: 'open' }), 10_000, 50);
    // A mute after the drop goes through the new socket.
    await b.call('setMicrophone', false);
    await waitFor('chair sees full-b muted', async () => assert.equal((await page('chair').snapshot()).remotes.find((r) => r.participantId === 'full-b')?.microphoneOn, false), 2_000, 20);
    await b.call('setMicrophone', true);
    assert.ok((await page('chair').receiving())['full-b']!.framesDecoded > framesBefore, 'frames went on');
    await flowing('everyone still receives everyone');
    assert.equal((await b.info()).connects, 1);
  });

  it('the network path to Janus goes away and comes back: ICE restarts (or rebuilds) bring media back in the same session', { skip, timeout: 60_000 }, async () => {
    const sessions = await Promise.all(pages.map(sessionOf));
    // Janus's only ICE address is 127.0.0.2 on jv0: with jv0 down no media packet reaches it (the WebSocket on 127.0.0.1 stays).
    execFileSync('ip', ['link', 'set', 'jv0', 'down']);
    try {
      await waitFor('the pages see their connections down', async () => {
        for (const p of pages) assert.equal((await p.snapshot()).status, 'reconnecting', p.participantId);
      }, 20_000, 200);
      // Long enough for Chromium to call it disconnected and the adapter to restart ICE into a dead path.
      await new Promise((resolve) => setTimeout(resolve, 4_000));
    } finally {
      execFileSync('ip', ['link', 'set', 'jv0', 'up']);
    }
    const started = Date.now();
    await flowing('everyone receives everyone again', 30_000);
    console.log(`# janus: media back ${Date.now() - started} ms after the path came back`);
    await waitFor('every page connected, no error left', async () => {
      for (const p of pages) {
        const s = await p.snapshot();
        assert.deepEqual([s.status, s.error?.code], ['connected', undefined], p.participantId);
      }
    }, 10_000, 100);
    assert.deepEqual(await Promise.all(pages.map(sessionOf)), sessions, 'the same Janus sessions');
    for (const p of pages) assert.equal((await p.info()).connects, 1);
  });

  it('Janus restarts: every page joins a new session by itself and media flows again', { skip, timeout: 40_000 }, async () => {
    const port = janus!.port;
    await janus!.stop();
    await waitFor('the pages see Janus gone', async () => {
      for (const p of pages) assert.notEqual((await p.snapshot()).status, 'connected', p.participantId);
    }, 10_000, 100);
    janus = await JanusServer.start({ port });
    await waitFor('the pages are connected again', async () => {
      for (const p of pages) {
        const s = await p.snapshot();
        assert.equal(s.status, 'connected', `${p.participantId}: ${JSON.stringify(s)}`);
        assert.equal(s.remotes.length, 2, p.participantId);
      }
    }, 20_000, 100);
    await flowing('everyone receives everyone after the restart', 20_000);
  });

  it('Janus cannot be reached: the page says server-unreachable and the meeting goes on', { skip, timeout: 20_000 }, async () => {
    const closed = await freePort();
    const context = await bed!.browser.newContext({ permissions: ['camera', 'microphone'] });
    try {
      const p = await context.newPage();
      const token = await bed!.server.tokens.sign({ meetingId: testMeeting.id, participantId: 'prob', role: 'member' }, '1h');
      const query = new URLSearchParams({ token, options: JSON.stringify({ url: `ws://127.0.0.1:${closed}`, video: LOW_VIDEO }), join: '{}' });
      await p.goto(`${bed!.server.url}/media?${query}`);
      const media = new MediaPage('prob', p, context);
      await waitFor('prob: server-unreachable', async () => {
        const s = await media.snapshot();
        assert.equal(s.error?.code, 'server-unreachable');
        assert.equal(s.status, 'failed');
        assert.equal(s.remotes.length, 0);
      }, 10_000, 50);
      assert.equal((await media.info()).clientStatus, 'connected', 'the meeting connection is not affected');
    } finally {
      await context.close();
    }
  });
});
