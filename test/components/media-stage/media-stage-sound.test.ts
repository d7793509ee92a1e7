import { expect, waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { remote, ScriptedMedia, soundTrack, stopAllTracks } from './scripted-media.js';
import { $, $$, openStageMeeting, renderStage, settle, textOf } from './stage.fixture.js';

/** Clicks at the middle of `target` with the mouse: a real click, which lets the page play sound. */
async function mouseClick(target: HTMLElement): Promise<void> {
  const box = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

// Its own file, and no camera opened: Chromium lets a page play sound before the first click only while it
// captures the camera or microphone, and a click anywhere on the page lifts the hold for the rest of the file.
describe('<media-stage> when the browser holds the sound back', () => {
  afterEach(stopAllTracks);

  it('offers a large “Bật âm thanh” button, and a click on it plays the meeting’s sound', async function () {
    this.timeout(10_000);
    expect(navigator.userActivation.hasBeenActive, 'no click on this page yet').to.be.false;
    const { binh } = await openStageMeeting();
    const media = new ScriptedMedia();
    media.set({ status: 'connected', remotes: [remote('an', { audio: soundTrack() }), remote('dung', { audio: soundTrack(), cameraOn: false })] });
    const el = await renderStage(binh, media);
    await waitUntil(() => $(el, '[data-sound-blocked]') !== null, 'the stage never noticed the held sound', { timeout: 3000 });
    await expect(el).to.be.accessible();
    expect(textOf($(el, '[data-sound-blocked] p'))).to.equal('Trình duyệt chưa cho phát tiếng của cuộc họp. Hãy bấm nút dưới đây để nghe.');
    const button = $(el, 'button[data-action=unblock-sound]')!;
    expect(textOf(button)).to.equal('Bật âm thanh');
    expect(button.getBoundingClientRect().height, 'a large target').to.be.at.least(44);
    const players = $$(el, 'audio[data-audio]') as HTMLAudioElement[];
    expect(players.map((a) => a.dataset.audio)).to.deep.equal(['an', 'dung']);
    expect(players.every((a) => a.paused), 'nothing plays yet').to.be.true;

    await mouseClick(button);
    await waitUntil(() => $(el, '[data-sound-blocked]') === null, 'the button stayed after the click', { timeout: 3000 });
    // play() settles asynchronously for each player; on a busy machine the banner can go before both have started.
    await waitUntil(() => players.every((a) => !a.paused), 'both play', { timeout: 3000 });

    // Someone who joins later plays at once: the page may play sound now.
    media.set({ remotes: [...media.getSnapshot().remotes, remote('tech', { audio: soundTrack() })] });
    await settle(el);
    const late = $(el, 'audio[data-audio=tech]') as HTMLAudioElement;
    await waitUntil(() => !late.paused, 'the late joiner’s sound did not start', { timeout: 3000 });
    expect($(el, '[data-sound-blocked]')).to.equal(null);
  });
});
