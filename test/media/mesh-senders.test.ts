/**
 * The mesh's video sender limit, in Chromium against the real meeting server
 * (the conformance suite's testbed, inside its network namespace): with
 * `maxVideoSenders: 2` only the first two participants with a camera on send
 * video, and a place freed by a camera switched off goes to the next one.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { waitFor } from '../e2e/helpers.js';
import { testMeeting } from '../helpers/meeting.js';
import { LOW_VIDEO, mediaAdapters } from './adapters.js';
import { adapterSkipReason, MediaTestbed, type MediaPage } from './testbed.js';

const mesh = mediaAdapters.find((a) => a.name === 'mesh')!;
const skip = adapterSkipReason(mesh);
if (skip) console.log(`skipped: mesh video sender limit: ${skip}`);

describe('mesh: video sender limit', { timeout: 60_000 }, () => {
  let bed: MediaTestbed | undefined;
  const pages: MediaPage[] = [];
  /** Who `page` receives video from now. */
  const videoFrom = async (page: MediaPage) => (await page.snapshot()).remotes.filter((r) => r.video).map((r) => r.participantId).sort();

  before(async () => {
    if (skip) return;
    bed = await MediaTestbed.start(mesh, [testMeeting], { video: LOW_VIDEO, maxVideoSenders: 2 });
  });
  after(async () => {
    await bed?.stop();
  });

  it('the first two in the roster send video, the third only audio; a camera switched off frees its place', { skip, timeout: 50_000 }, async () => {
    // The roster's order: chair, full-a, full-b.
    for (const [id, role] of [['chair', 'chair'], ['full-a', 'member'], ['full-b', 'member']] as const) pages.push(await bed!.open(id, testMeeting.id, { role }));
    const [chair, a, b] = pages as [MediaPage, MediaPage, MediaPage];
    await waitFor('chair and full-a send video, full-b does not', async () => {
      assert.deepEqual(await videoFrom(b), ['chair', 'full-a']);
      assert.deepEqual(await videoFrom(a), ['chair']);
      assert.deepEqual(await videoFrom(chair), ['full-a']);
      const seen = (await chair.snapshot()).remotes.find((r) => r.participantId === 'full-b');
      assert.deepEqual([seen?.cameraOn, seen?.video, seen?.audio], [true, false, true], 'full-b: camera on, no video sent, audio');
    }, 20_000);
    await chair.call('setCamera', false);
    await waitFor('full-b takes the freed place', async () => {
      assert.deepEqual(await videoFrom(chair), ['full-a', 'full-b']);
      assert.deepEqual(await videoFrom(a), ['full-b']);
      assert.deepEqual(await videoFrom(b), ['full-a']);
    }, 15_000);
  });
});
