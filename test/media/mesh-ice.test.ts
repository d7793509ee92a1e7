/**
 * The mesh when the network path between two members really goes away
 * (issue 6: errors with stable codes, "ICE failed"; a network dropped and
 * restored recovers media without joining again). Inside the test's
 * loopback-only network namespace a veth pair is added with 127.0.0.3 on one
 * end; Chromium runs WITHOUT `--allow-loopback-in-peer-connection`, so that
 * address (on an interface not flagged loopback) is the only one it gathers
 * ICE candidates on. A blackhole route for that address cuts every media
 * path (taking the veth down would not: 127.0.0.0/8 on lo still delivers it)
 * while the meeting's WebSocket (127.0.0.1) stays: both pages must say `ice-failed`
 * after their ICE restarts fail, and when the route comes back media flows
 * again on its own, without a new connect. The veth is removed after, so the
 * namespace is again loopback alone for the next test file.
 *
 * Run: unshare -n sh -c 'ip link set lo up && exec node --import tsx --test test/media/mesh-ice.test.ts'
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { waitFor } from '../e2e/helpers.js';
import { testMeeting } from '../helpers/meeting.js';
import { mediaAdapters } from './adapters.js';
import { adapterSkipReason, MEDIA_ARGS, MediaTestbed, type MediaPage } from './testbed.js';

const mesh = mediaAdapters.find((a) => a.name === 'mesh')!;
const skip = adapterSkipReason(mesh);
const ip = (...args: string[]) => execFileSync('ip', args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
/** The media path's interface and address (Janus's tests use jv0 with 127.0.0.2). */
const PATH = { link: 'jm0', peer: 'jm1', address: '127.0.0.3' };

/**
 * The addresses Chromium gathers on without the loopback flag: every IPv4
 * address not on `lo` (ours, and Janus's 127.0.0.2 on jv0 when the Janus
 * tests ran before in the same namespace), with its interface.
 */
function mediaPaths(): { address: string; dev: string }[] {
  return ip('-o', '-4', 'addr', 'show')
    .split('\n')
    .map((line) => line.match(/^\d+:\s+(\S+)\s+inet\s+([\d.]+)\//))
    .filter((m): m is RegExpMatchArray => m !== null && m[1] !== 'lo')
    .map((m) => ({ dev: m[1]!, address: m[2]! }));
}
/** Every packet to those addresses is dropped (the kernel refuses to send it), as when a network is lost. */
const cutPaths = (paths: readonly { address: string }[]) => paths.forEach((p) => ip('route', 'replace', 'blackhole', `${p.address}/32`, 'table', 'local'));
/** The addresses are local again, as the kernel set them when they were added. */
const restorePaths = (paths: readonly { address: string; dev: string }[]) =>
  paths.forEach((p) => ip('route', 'replace', 'local', `${p.address}/32`, 'dev', p.dev, 'table', 'local', 'proto', 'kernel', 'scope', 'host', 'src', p.address));

describe('mesh: the media path goes away and comes back', { timeout: 180_000 }, () => {
  let bed: MediaTestbed | undefined;
  let browser: Browser | undefined;
  let pages: MediaPage[] = [];
  let pathAdded = false;
  let paths: { address: string; dev: string }[] = [];

  before(async () => {
    if (skip) return;
    ip('link', 'add', PATH.link, 'type', 'veth', 'peer', 'name', PATH.peer);
    pathAdded = true;
    ip('addr', 'add', `${PATH.address}/32`, 'dev', PATH.link);
    ip('link', 'set', PATH.link, 'up');
    ip('link', 'set', PATH.peer, 'up');
    paths = mediaPaths();
    bed = await MediaTestbed.start(mesh, [testMeeting], (await mesh.setup()).options);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: MEDIA_ARGS.filter((a) => a !== '--allow-loopback-in-peer-connection') });
    pages = [await bed.open('chair', testMeeting.id, { role: 'chair', browser }), await bed.open('full-a', testMeeting.id, { role: 'member', browser })];
  });
  after(async () => {
    await browser?.close().catch(() => {});
    await bed?.stop();
    if (paths.length > 0) restorePaths(paths);
    if (pathAdded) ip('link', 'del', PATH.link);
  });

  /** Both pages decode new frames of each other's video. */
  async function flowing(what: string, timeoutMs: number): Promise<void> {
    const frames = async () => Promise.all(pages.map(async (p, i) => (await p.receiving())[pages[1 - i]!.participantId]?.framesDecoded ?? 0));
    let before = await frames();
    await waitFor(
      what,
      async () => {
        const now = await frames();
        // A rebuilt connection starts counting again: take it as the new baseline.
        if (now.some((n, i) => n < before[i]!)) before = now;
        assert.ok(now.every((n, i) => n - before[i]! >= 5), JSON.stringify({ before, now }));
      },
      timeoutMs,
      250,
    ).catch(async (error: Error) => {
      error.message += `\n${(await Promise.all(pages.map((p) => p.report()))).join('\n')}`;
      throw error;
    });
  }

  it('media flows over the veth addresses alone', { skip }, async () => {
    await flowing('both receive each other', 20_000);
    const candidates = await pages[0]!.page.evaluate(() => window.media.localCandidateAddresses());
    assert.ok(candidates.includes(PATH.address), `gathered on ${PATH.address}: ${candidates.join(', ')}`);
    assert.deepEqual(candidates, paths.map((p) => p.address).filter((a) => candidates.includes(a)).sort(), 'no candidate on 127.0.0.1: only the paths the test cuts');
  });

  it('the path goes: both pages report ice-failed (a stable code) while the meeting stays connected', { skip }, async () => {
    const started = Date.now();
    cutPaths(paths);
    await waitFor(
      'both pages report ice-failed',
      async () => {
        for (const p of pages) {
          const s = await p.snapshot();
          assert.equal(s.error?.code, 'ice-failed', `${p.participantId}: ${JSON.stringify(s)}`);
        }
      },
      90_000,
      500,
    );
    console.log(`# mesh: ice-failed reported ${Date.now() - started} ms after the path went down`);
    for (const p of pages) assert.equal((await p.info()).clientStatus, 'connected', `${p.participantId}: the meeting itself is unaffected`);
  });

  it('the path comes back: media flows again with no new connect, and the error is gone', { skip }, async () => {
    const started = Date.now();
    restorePaths(paths);
    await flowing('both receive each other again', 60_000);
    console.log(`# mesh: media back ${Date.now() - started} ms after the path came back`);
    await waitFor(
      'no error left',
      async () => {
        for (const p of pages) {
          const s = await p.snapshot();
          assert.deepEqual([s.status, s.error?.code], ['connected', undefined], p.participantId);
        }
      },
      10_000,
      250,
    );
    for (const p of pages) assert.equal((await p.info()).connects, 1, `${p.participantId} never joined again`);
  });
});
