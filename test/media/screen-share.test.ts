/**
 * Screen sharing (issue 6: "microphone, camera and screen share on and off"),
 * for every adapter of adapters.ts: a member shares the screen; the two others
 * receive it as that member's screen, apart from the camera, with frames
 * decoded, while the camera goes on; when sharing stops the screen goes from
 * every page and the camera stays. In Debian's Chromium, whose fake screen is
 * offered only with the fake picker (`--use-fake-ui-for-media-stream`), so the
 * sharer has a browser of its own. Inside the loopback-only network namespace.
 *
 * Run: unshare -n sh -c 'ip link set lo up && exec node --import tsx --test test/media/screen-share.test.ts'
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { waitFor } from '../e2e/helpers.js';
import { testMeeting } from '../helpers/meeting.js';
import { mediaAdapters, type AdapterSetup } from './adapters.js';
import { adapterSkipReason, MEDIA_ARGS, MediaTestbed, type MediaPage } from './testbed.js';

/** Frames of a screen (or a camera) decoded since a baseline for it to count as flowing. */
const FLOWING_FRAMES = 5;

for (const adapter of mediaAdapters) {
  const skip = adapterSkipReason(adapter);

  describe(`screen share: ${adapter.name}`, { timeout: 120_000 }, () => {
    let setup: AdapterSetup | undefined;
    let bed: MediaTestbed | undefined;
    let sharingBrowser: Browser | undefined;
    let sharer: MediaPage;
    let watchers: MediaPage[] = [];

    before(async () => {
      if (skip) return;
      setup = await adapter.setup();
      bed = await MediaTestbed.start(adapter, [testMeeting], setup.options);
      sharingBrowser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...MEDIA_ARGS, '--use-fake-ui-for-media-stream'] });
      watchers = [await bed.open('chair', testMeeting.id, { role: 'chair' }), await bed.open('full-a', testMeeting.id, { role: 'member' })];
      sharer = await bed.open('full-b', testMeeting.id, { role: 'member', browser: sharingBrowser });
    });
    after(async () => {
      await sharingBrowser?.close().catch(() => {});
      await bed?.stop();
      await setup?.teardown();
    });

    /** Decoded frames of full-b's screen and camera on each watcher's page. */
    async function framesOfSharer(): Promise<{ screen: number; camera: number }[]> {
      return Promise.all(
        watchers.map(async (w) => {
          const counters = (await w.receiving())['full-b'];
          return { screen: counters?.screenFrames ?? 0, camera: counters?.framesDecoded ?? 0 };
        }),
      );
    }

    it('the others receive the shared screen with frames decoded, the camera going on beside it', { skip }, async () => {
      await sharer.call('setScreenShare', true);
      assert.equal((await sharer.snapshot()).local.screenOn, true, 'the sharer sees that it shares');
      await waitFor(
        'both others see full-b’s screen',
        async () => {
          for (const w of watchers) assert.equal((await w.snapshot()).remotes.find((r) => r.participantId === 'full-b')?.screen, true, w.participantId);
        },
        15_000,
        100,
      );
      const before = await framesOfSharer();
      await waitFor(
        'the screen and the camera both play on both pages',
        async () => {
          const now = await framesOfSharer();
          now.forEach((n, i) => {
            assert.ok(n.screen - before[i]!.screen >= FLOWING_FRAMES, `${watchers[i]!.participantId}: screen ${JSON.stringify({ before: before[i], now: n })}`);
            assert.ok(n.camera - before[i]!.camera >= FLOWING_FRAMES, `${watchers[i]!.participantId}: camera ${JSON.stringify({ before: before[i], now: n })}`);
          });
        },
        20_000,
        500,
      ).catch(async (error: Error) => {
        error.message += `\n${(await Promise.all([...watchers, sharer].map((p) => p.report()))).join('\n')}`;
        throw error;
      });
    });

    it('when sharing stops the screen goes from every page, and the camera stays', { skip }, async () => {
      await sharer.call('setScreenShare', false);
      assert.equal((await sharer.snapshot()).local.screenOn, false);
      await waitFor(
        'nobody sees full-b’s screen any more',
        async () => {
          for (const w of watchers) {
            const remote = (await w.snapshot()).remotes.find((r) => r.participantId === 'full-b');
            assert.deepEqual([remote?.screen, remote?.video], [false, true], w.participantId);
          }
        },
        10_000,
        100,
      );
      const before = await framesOfSharer();
      await waitFor(
        'the camera still plays',
        async () => (await framesOfSharer()).forEach((n, i) => assert.ok(n.camera - before[i]!.camera >= FLOWING_FRAMES, watchers[i]!.participantId)),
        10_000,
        500,
      );
    });
  });
}
