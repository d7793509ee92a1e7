/**
 * The media benchmark (issue 6), run by bench/media-join.ts inside a
 * loopback-only network namespace, for every adapter of adapters.ts that can
 * run here:
 *  - join time: a page's navigation start to its first rendered remote frame
 *    (`requestVideoFrameCallback`), joining a meeting where the others are in
 *    already: 2 participants at the adapter's default resolution (target on
 *    loopback: 400 ms for mesh, 600 ms for Janus), 6 at 320x240 15 fps;
 *  - CPU of mesh video, the sender's and the receivers' browsers apart (CDP
 *    SystemInfo.getProcessInfo, every process of each browser): the camera
 *    and the first stream, each further peer, each stream decoded;
 *  - the adapter's bundle, esbuild --bundle --minify, gzip -9.
 *
 * The machine has 2 cores shared with whatever else runs: the figures are medians of a few runs.
 */
import { build } from 'esbuild';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import type { MeetingDefinition } from '../../src/core/index.js';
import { repoRoot, waitFor } from '../e2e/helpers.js';
import { LOW_VIDEO, mediaAdapters, type AdapterUnderTest } from './adapters.js';
import { adapterSkipReason, MediaTestbed, networkSkipReason, type MediaPage } from './testbed.js';

/** Which parts run (`MEDIA_BENCH_PARTS=join2,join6,cpu`, all by default). */
const PARTS = new Set((process.env.MEDIA_BENCH_PARTS ?? 'join2,join6,cpu').split(',').map((p) => p.trim()));
const RUNS_2 = 7;
const RUNS_6 = 3;
const CPU_WINDOW_MS = 8_000;

/** A cell of six for the benchmark, one meeting per run (`id`). */
function benchMeeting(id: string, size: number): MeetingDefinition {
  const members = Array.from({ length: size }, (_, i) => ({ id: `p${i + 1}`, name: `Đảng viên ${i + 1}`, status: 'full' as const }));
  return { id, title: 'Đo thời gian vào họp', cell: { id: 'bench-cell', name: 'Chi bộ đo', members }, chairId: 'p1', delegates: [], scheduledAt: '2026-11-23T08:00:00.000Z' };
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const ms = (n: number | undefined) => (n === undefined ? '–' : `${Math.round(n)} ms`);
const role = (id: string) => (id === 'p1' ? 'chair' : 'member');
const sleep = (n: number) => new Promise<void>((resolve) => setTimeout(resolve, n));

interface JoinRun {
  readonly firstFrame: number;
  readonly allFrames?: number;
  readonly harnessStarted?: number;
  readonly clientConnected?: number;
  readonly adapterConnected?: number;
  readonly firstPeerConnected?: number;
}

/**
 * Opens `size - 1` participants, waits until they receive each other, then
 * times the last one's page: navigation start to its first remote frame, and
 * to the first frame of each of `senders` video senders.
 */
async function joinRun(bed: MediaTestbed, meetingId: string, size: number, senders: number, options: Readonly<Record<string, unknown>>): Promise<JoinRun> {
  const pages: MediaPage[] = [];
  try {
    for (let i = 1; i < size; i += 1) pages.push(await bed.open(`p${i}`, meetingId, { role: role(`p${i}`), options, readyTimeoutMs: 30_000 }));
    await waitFor(
      'the first ones see each other',
      async () => {
        for (const p of pages) if ((await p.snapshot()).remotes.filter((r) => r.audio).length < size - 2) throw new Error(`${p.participantId} not linked yet`);
      },
      30_000,
      200,
    );
    const last = await bed.open(`p${size}`, meetingId, { role: 'member', options, measure: true, readyTimeoutMs: 30_000 });
    pages.push(last);
    const timings = await waitFor(
      'the last one renders a frame of each sender',
      async () => {
        const t = await last.timings();
        if (t.firstRemoteFrame === undefined || Object.keys(t.firstFrameOf).length < senders) throw new Error(JSON.stringify(t));
        return t;
      },
      30_000,
      // The page times itself; polling it often would take CPU from the join being timed.
      250,
    );
    return {
      firstFrame: timings.firstRemoteFrame!,
      allFrames: Math.max(...Object.values(timings.firstFrameOf)),
      harnessStarted: timings.harnessStarted,
      clientConnected: timings.clientConnected,
      adapterConnected: timings.adapterConnected,
      firstPeerConnected: timings.firstPeerConnected,
    };
  } finally {
    for (const p of pages) await p.close().catch(() => {});
  }
}

/** CPU seconds of every process of one browser. */
async function cpuSeconds(browser: Browser): Promise<number> {
  const session = await browser.newBrowserCDPSession();
  const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: { cpuTime: number }[] };
  await session.detach();
  return processInfo.reduce((sum, p) => sum + p.cpuTime, 0);
}

/** Share of one core each browser used over the window. */
async function cpuOver(browsers: readonly Browser[], windowMs: number): Promise<number[]> {
  const before = await Promise.all(browsers.map(cpuSeconds));
  await sleep(windowMs);
  const after = await Promise.all(browsers.map(cpuSeconds));
  return after.map((a, i) => (a - before[i]!) / (windowMs / 1_000));
}

/** What one device pays for mesh video, in shares of one core. */
interface StreamCost {
  /** The sender: opening the camera and encoding for the first peer. */
  readonly firstStream: number;
  /** The sender: encoding for one more peer (a mesh encodes once per peer). */
  readonly perPeer: number;
  /** A receiver: decoding one stream. */
  readonly decode: number;
  /** From the WebRTC stats over the last window: time in the encoder per stream, and in the decoder, as shares of wall time. */
  readonly encoderShare: number;
  readonly decoderShare: number;
}

/**
 * Measures `StreamCost`: a sender alone in one browser, two receivers in
 * another, everyone's audio on; CPU with no video, with video to one receiver
 * (the other audio-only), and to both.
 */
async function streamCost(bed: MediaTestbed, meetingId: string, options: Readonly<Record<string, unknown>>): Promise<StreamCost> {
  const [a, b] = [await bed.launchBrowser(), await bed.launchBrowser()];
  const sender = await bed.open('p1', meetingId, { role: 'chair', options, browser: a, join: { cameraOff: true } });
  const first = await bed.open('p2', meetingId, { role: 'member', options, browser: b, join: { cameraOff: true } });
  const second = await bed.open('p3', meetingId, { role: 'member', options, browser: b, join: { cameraOff: true, audioOnly: true } });
  const frames = async (page: MediaPage) => (await page.receiving()).p1?.framesDecoded ?? 0;
  try {
    await waitFor('linked', async () => {
      for (const p of [first, second]) if (!(await p.snapshot()).remotes.find((r) => r.participantId === 'p1')?.audio) throw new Error('no link');
    }, 15_000);
    await sleep(1_000);
    const [a0, b0] = await cpuOver([a, b], CPU_WINDOW_MS);
    await sender.call('setCamera', true);
    await waitFor('video to the first', async () => ((await frames(first)) > 0 ? true : Promise.reject(new Error('no frames'))), 15_000);
    await sleep(1_000);
    const [a1] = await cpuOver([a, b], CPU_WINDOW_MS);
    await second.call('setAudioOnly', false);
    await waitFor('video to the second', async () => ((await frames(second)) > 0 ? true : Promise.reject(new Error('no frames'))), 15_000);
    await sleep(1_000);
    const codecBefore = await Promise.all([sender.codecSeconds(), first.codecSeconds()]);
    const started = Date.now();
    const [a2, b2] = await cpuOver([a, b], CPU_WINDOW_MS);
    const codecAfter = await Promise.all([sender.codecSeconds(), first.codecSeconds()]);
    const wall = (Date.now() - started) / 1_000;
    return {
      firstStream: a1! - a0!,
      perPeer: a2! - a1!,
      decode: (b2! - b0!) / 2,
      encoderShare: (codecAfter[0].encode - codecBefore[0].encode) / wall / 2,
      decoderShare: (codecAfter[1].decode - codecBefore[1].decode) / wall,
    };
  } finally {
    for (const p of [sender, first, second]) await p.close();
    await a.close();
    await b.close();
  }
}

/** esbuild --bundle --minify of the adapter's module, gzip -9 (lit and livekit-client external). */
async function bundleSize(adapter: AdapterUnderTest): Promise<number> {
  const result = await build({
    entryPoints: [join(repoRoot, adapter.module)],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    external: ['lit', 'lit/*', '@lit/*', 'livekit-client'],
  });
  return gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length;
}

/** Runs one measurement into `into`; a run that fails (a busy machine's timeout) is reported and left out. */
async function attempt<T>(what: string, into: T[], run: () => Promise<T>): Promise<void> {
  try {
    into.push(await run());
  } catch (error) {
    console.log(`${what} failed, left out: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
  }
}

const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

async function benchAdapter(adapter: AdapterUnderTest): Promise<void> {
  console.log(`${adapter.name}: bundle ${(await bundleSize(adapter) / 1024).toFixed(1)} kB gzip (esbuild --bundle --minify ${adapter.module}, gzip -9)`);
  const setup = await adapter.setup();
  const { video: _lowVideo, ...defaults } = setup.options;
  const meetings = [
    ...Array.from({ length: RUNS_2 }, (_, i) => benchMeeting(`join-2-${i}`, 2)),
    ...Array.from({ length: RUNS_6 }, (_, i) => benchMeeting(`join-6-${i}`, 6)),
    benchMeeting('cpu-high', 3),
    benchMeeting('cpu-low', 3),
  ];
  // The meeting server in a process of its own, as in production: relaying a signal waits for no playwright work.
  const bed = await MediaTestbed.start(adapter, meetings, setup.options, { serverProcess: true });
  try {
    const two: JoinRun[] = [];
    for (let i = 0; i < RUNS_2 && PARTS.has('join2'); i += 1) await attempt(`join of 2, run ${i + 1}`, two, () => joinRun(bed, `join-2-${i}`, 2, 1, defaults));
    if (two.length > 0) console.log(
      `${adapter.name}: join, 2 participants (default video): page load → first remote frame median ${ms(median(two.map((r) => r.firstFrame)))}` +
        ` (runs: ${two.map((r) => Math.round(r.firstFrame)).join(', ')}; medians: script started ${ms(median(two.map((r) => r.harnessStarted ?? NaN)))},` +
        ` meeting joined ${ms(median(two.map((r) => r.clientConnected ?? NaN)))}, devices open ${ms(median(two.map((r) => r.adapterConnected ?? NaN)))},` +
        ` peer connected ${ms(median(two.map((r) => r.firstPeerConnected ?? NaN)))})`,
    );
    // The 6th joins 5 others; camera video comes from all of them, or from the adapter's sender limit (mesh: the first 4 in the roster).
    const senders = Math.min(5, adapter.videoSenders ?? 5);
    const six: JoinRun[] = [];
    for (let i = 0; i < RUNS_6 && PARTS.has('join6'); i += 1) {
      await attempt(`join of 6, run ${i + 1}`, six, () => joinRun(bed, `join-6-${i}`, 6, senders, { ...setup.options, video: LOW_VIDEO }));
    }
    if (six.length > 0) console.log(
      `${adapter.name}: join, 6 participants (320x240 15 fps, ${senders} video senders): first remote frame median ${ms(median(six.map((r) => r.firstFrame)))},` +
        ` every sender's video ${ms(median(six.map((r) => r.allFrames ?? NaN)))} (runs: ${six.map((r) => `${Math.round(r.firstFrame)}/${Math.round(r.allFrames ?? NaN)}`).join(', ')})`,
    );
    for (const [label, meetingId, options] of [
      ['640x480 20 fps', 'cpu-high', defaults],
      ['320x240 15 fps', 'cpu-low', { ...setup.options, video: LOW_VIDEO }],
    ] as const) {
      if (!PARTS.has('cpu')) break;
      const cost = await streamCost(bed, meetingId, options);
      console.log(
        `${adapter.name}: video at ${label}, share of one core: sender's camera and first stream +${percent(cost.firstStream)}, each further peer +${percent(cost.perPeer)};` +
          ` receiver +${percent(cost.decode)} per stream (process CPU, ±3 % noise); in the codecs (stats): encoder ${percent(cost.encoderShare)}, decoder ${percent(cost.decoderShare)} of wall time per stream`,
      );
    }
  } finally {
    await bed.stop();
    await setup.teardown();
  }
}

const notIsolated = networkSkipReason();
if (notIsolated) {
  console.log(`skipped: media benchmark: ${notIsolated}`);
} else {
  const load = () => `load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`;
  // Other work on the machine slows every step: the figures mean something only with the load beside them.
  console.log(`media benchmark: ${load()}`);
  if (loadavg()[0]! > cpus().length) console.log('warning: the machine is busy: every step of a join waits for a core, so join times read high (CPU shares hold better)');
  for (const adapter of mediaAdapters) {
    const skip = adapterSkipReason(adapter);
    if (skip) console.log(`skipped: ${adapter.name} media benchmark: ${skip}`);
    else await benchAdapter(adapter);
  }
  console.log(`media benchmark done: ${load()}`);
}
