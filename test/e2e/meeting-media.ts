/**
 * What a person sees and hears of the others in the room's `<media-stage>`,
 * and the device check before it, read from the page as the whole-meeting
 * scenario (whole-meeting.ts) needs it with the mesh and with Janus.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { waitFor } from './helpers.js';

/** One other person as a page's `<media-stage>` shows them: their video's size and frames, whether their sound plays, the muted badge. */
export interface SeenPerson {
  width: number;
  frames: number;
  sound: boolean;
  muted: boolean;
}

/** Every person on `page`'s stage, by participant id. */
export async function stageOf(page: Page): Promise<Record<string, SeenPerson>> {
  return page.locator('party-meeting-room media-stage').evaluate((stage) => {
    const root = stage.shadowRoot!;
    const seen: Record<string, SeenPerson> = {};
    for (const tile of root.querySelectorAll<HTMLElement>('[data-participant-id]')) {
      const video = tile.querySelector('video');
      seen[tile.dataset.participantId!] = {
        width: video?.videoWidth ?? 0,
        frames: video?.getVideoPlaybackQuality().totalVideoFrames ?? 0,
        sound: false,
        muted: tile.querySelector('[data-badge="muted"]') !== null,
      };
    }
    for (const audio of root.querySelectorAll<HTMLAudioElement>('audio[data-audio]')) {
      const track = (audio.srcObject as MediaStream | null)?.getAudioTracks()[0];
      const person = seen[audio.dataset.audio!];
      if (person) person.sound = track?.readyState === 'live' && !audio.paused;
    }
    return seen;
  });
}

/**
 * The person checks camera and microphone in `<device-check>` and presses
 * "Vào họp"; the room then shows `<media-stage>`. `mediaOptions` is set on
 * the room first, as a portal's script would (low video on 2 cores).
 */
export async function joinMedia(name: string, page: Page, mediaOptions?: Readonly<Record<string, unknown>>): Promise<void> {
  const room = page.locator('party-meeting-room');
  if (mediaOptions) {
    await room.evaluate((element, options) => {
      (element as HTMLElement & { mediaOptions?: unknown }).mediaOptions = options;
    }, mediaOptions);
  }
  // The camera opens at once where it was allowed before (as here); otherwise the person presses "Kiểm tra camera và micro".
  const check = room.locator('device-check');
  const join = check.locator('button[data-action="join"]');
  await waitFor(
    `${name} is offered "Vào họp"`,
    async () => {
      const start = check.locator('button[data-action="start"]');
      if ((await start.count()) > 0) await start.click();
      assert.equal(((await join.textContent({ timeout: 1_000 })) ?? '').trim(), 'Vào họp');
    },
    15_000,
  );
  await join.click();
  await waitFor(`${name}'s room shows the stage`, async () => assert.equal(await room.locator('[data-media-step]').getAttribute('data-media-step'), 'joined'), 20_000);
}

/** The media adapter's own diagnostics on `page` (the mesh's links, Janus's handles), for a failure report. */
export async function mediaDiagnostics(page: Page): Promise<string> {
  return page
    .locator('party-meeting-room')
    .evaluate((room) => {
      const adapter = (room as unknown as { roomMedia?: { adapter?: { diagnostics?: () => unknown; getSnapshot(): unknown } } }).roomMedia?.adapter;
      return JSON.stringify({ snapshot: adapter?.getSnapshot(), diagnostics: adapter?.diagnostics?.() });
    })
    .catch((error: unknown) => `no diagnostics: ${String(error)}`);
}

/**
 * Every page shows every other person of `everyone` with moving video (new
 * frames a moment later) and playing sound; on failure, every page's media
 * diagnostics are added to the message.
 */
export async function everyoneSeesAndHears(pages: readonly { name: string; id: string; page: Page }[], everyone: readonly string[]): Promise<void> {
  try {
    const first: Record<string, Record<string, SeenPerson>> = {};
    for (const { name, id, page } of pages) {
      const others = everyone.filter((other) => other !== id);
      first[name] = await waitFor(
        `${name} sees and hears ${others.join(', ')}`,
        async () => {
          const stage = await stageOf(page);
          for (const other of others) {
            const person = stage[other];
            assert.ok(person && person.width > 0 && person.frames > 0 && person.sound, `${other}: ${JSON.stringify(person)}`);
          }
          return stage;
        },
        30_000,
        250,
      );
    }
    // Moving pictures, not one frame: every video has new frames a moment later.
    for (const { name, id, page } of pages) {
      await waitFor(
        `${name}'s videos keep playing`,
        async () => {
          const now = await stageOf(page);
          for (const other of everyone.filter((o) => o !== id)) assert.ok(now[other]!.frames > first[name]![other]!.frames, `${other}'s video on ${name}'s page`);
        },
        10_000,
        250,
      );
    }
  } catch (error) {
    const reports = await Promise.all(pages.map(async ({ name, page }) => `${name}: ${await mediaDiagnostics(page)}`));
    throw new Error(`${(error as Error).message}\n----- media on each page -----\n${reports.join('\n')}`, { cause: error });
  }
}

/** A media-stage control's state on `page`: pressed (on) and disabled (locked). */
export async function controlOf(page: Page, control: string): Promise<{ pressed: string | null; disabled: string | null }> {
  const button = page.locator(`party-meeting-room media-stage button[data-control="${control}"]`);
  return { pressed: await button.getAttribute('aria-pressed'), disabled: await button.getAttribute('aria-disabled') };
}
