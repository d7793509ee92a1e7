import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import type { PartyMeetingRoom } from '../../../src/components/party-meeting-room/party-meeting-room.js';
import type { MediaStage } from '../../../src/components/media-stage/media-stage.js';
import type { MeetingStore } from '../../../src/client/index.js';
import type { MediaSignalling } from '../../../src/core/index.js';
import { remote, ScriptedMedia, stopAllTracks } from './scripted-media.js';
import { $, openStageMeeting, textOf } from './stage.fixture.js';

/** The room's media part: the device check, the stage, or why there is none. */
function mediaStep(room: PartyMeetingRoom): string {
  return $(room, '[data-media-step]')?.dataset.mediaStep ?? 'none';
}

/** The parts of the procedure the default layout shows. */
function sections(room: PartyMeetingRoom): string[] {
  return [...room.shadowRoot!.querySelectorAll<HTMLElement>('[data-section]')].map((s) => s.dataset.section!);
}

const PROCEDURE = ['speakers', 'votes', 'roll', 'agenda', 'documents', 'minutes'];

/**
 * A `LocalMeetingStore` that also answers the signalling calls, where a test
 * needs the room to see a store like `MeetingClient` (which relays media
 * signals through the server). Nothing is relayed: the tests using it load
 * a media layer that never signals, or none at all.
 */
function withSignalling(store: MeetingStore): MeetingStore & MediaSignalling & { sent: number } {
  return Object.assign(Object.create(store) as MeetingStore, {
    sent: 0,
    signal(this: { sent: number }) {
      this.sent++;
    },
    onSignal: () => () => {},
  });
}

/** Waits for the device check inside the room to have opened the (fake) camera and microphone. */
async function readyCheck(room: PartyMeetingRoom): Promise<HTMLElement> {
  await waitUntil(() => $(room, 'device-check'), 'no device check in the room');
  const check = $(room, 'device-check')!;
  await waitUntil(() => check.shadowRoot?.querySelector('button[data-action=join]'), 'the device check never got ready', { timeout: 5000 });
  return check;
}

describe('<party-meeting-room> with media', function () {
  // The room brings every element of the meeting: on two shared cores, more than mocha's 2 s.
  this.timeout(15_000);
  afterEach(stopAllTracks);

  it('with media="none": accessible, no device check, no stage, and the whole procedure', async () => {
    const { binh } = await openStageMeeting();
    const room = await fixture<PartyMeetingRoom>(html`<party-meeting-room media="none" .store=${withSignalling(binh)}></party-meeting-room>`);
    await expect(room).to.be.accessible();
    expect(mediaStep(room)).to.equal('none');
    expect($(room, 'device-check')).to.equal(null);
    expect($(room, 'media-stage')).to.equal(null);
    expect(sections(room)).to.deep.equal(PROCEDURE);
    expect($(room, 'speaker-queue')).to.exist;
  });

  it('over a store without signalling (a LocalMeetingStore), keeps to the procedure even with the default media', async () => {
    const { binh } = await openStageMeeting();
    const room = await fixture<PartyMeetingRoom>(html`<party-meeting-room .store=${binh}></party-meeting-room>`);
    expect(room.media).to.equal('mesh');
    expect(mediaStep(room)).to.equal('none');
    expect(sections(room)).to.deep.equal(PROCEDURE);
  });

  it('with a media layer that does not exist, says so in plain words and keeps the procedure', async () => {
    const { binh } = await openStageMeeting();
    const room = await fixture<PartyMeetingRoom>(html`<party-meeting-room media="zoom" .store=${withSignalling(binh)}></party-meeting-room>`);
    expect(mediaStep(room)).to.equal('unavailable');
    expect(textOf($(room, '[data-media-unavailable]'))).to.equal(
      'Trang này đặt phần hình và tiếng “zoom”, là tên không có. Hãy báo cho người quản trị trang.',
    );
    expect(textOf($(room, '[data-media-step]'))).to.contain('Cuộc họp vẫn tiếp tục');
    expect(sections(room)).to.deep.equal(PROCEDURE);
    await expect(room).to.be.accessible();
  });

  it('with janus but no media-url, says the page lacks the server’s address (in English too)', async () => {
    const { binh } = await openStageMeeting();
    const room = await fixture<PartyMeetingRoom>(html`<party-meeting-room lang="en" media="janus" .store=${withSignalling(binh)}></party-meeting-room>`);
    expect(textOf($(room, '[data-media-unavailable=no-url]'))).to.equal(
      'This page does not give the video and sound server’s address (“janus” needs media-url). Please tell the site’s administrator.',
    );
    expect(sections(room)).to.deep.equal(PROCEDURE);
  });

  it('checks the devices first, joins with the member’s choice on “Vào họp”, then shows the stage with the adapter', async () => {
    const { chair, binh } = await openStageMeeting();
    const media = new ScriptedMedia();
    const room = await fixture<PartyMeetingRoom>(html`<party-meeting-room .store=${binh} .mediaAdapter=${media}></party-meeting-room>`);
    expect(mediaStep(room)).to.equal('check');
    expect(sections(room), 'the procedure is there during the check').to.deep.equal(PROCEDURE);
    const check = await readyCheck(room);
    expect(media.calls, 'nothing connects before the member joins').to.deep.equal([]);
    await expect(room).to.be.accessible();

    check.shadowRoot!.querySelector<HTMLButtonElement>('button[data-action=join]')!.click();
    await waitUntil(() => mediaStep(room) === 'joined', 'never joined');
    const join = media.join!;
    expect({ meetingId: join.meetingId, participantId: join.participantId, name: join.name }).to.deep.equal({
      meetingId: 'meeting-stage',
      participantId: 'binh',
      name: 'Trần Thị Bình',
    });
    expect(join.cameraOff).to.equal(false);
    expect(join.microphoneOff).to.equal(false);
    expect(join.cameraId, 'the camera chosen in the check').to.be.a('string').and.not.equal('');
    expect(join.microphoneId, 'the microphone chosen in the check').to.be.a('string').and.not.equal('');
    expect(join.signalling, 'a LocalMeetingStore relays nothing').to.equal(undefined);

    const stage = $(room, 'media-stage') as MediaStage;
    await stage.updateComplete;
    expect(stage.media, 'not set as a property').to.equal(undefined);
    await waitUntil(() => stage.shadowRoot!.querySelector('[data-self] video'), 'no own picture from the adapter in context', { timeout: 5000 });
    expect(sections(room)).to.deep.equal(PROCEDURE);

    // Who is online (the chair, Dung and the hall's technician joined; Cường sits in the hall), and the bridge point the technician's camera stands for.
    const people = Object.fromEntries(media.participants.map((p) => [p.participantId, p]));
    expect(Object.keys(people), 'everyone but the member').to.have.members(['an', 'cuong', 'dung', 'tech']);
    expect(people.an!.online).to.equal(true);
    expect(people.cuong!.online).to.equal(false);
    expect(people.tech).to.deep.equal({ participantId: 'tech', name: 'Kỹ thuật viên xã', online: true, bridgePointId: 'xa' });

    // The chair gives the floor to Dung with "mute others": the room tells the adapter, the stage locks the microphone.
    media.set({ remotes: [remote('an'), remote('dung')] });
    await chair.send({ type: 'give-floor', participantId: 'dung', muteOthers: true });
    await room.updateComplete;
    expect(media.rule).to.deep.equal({ forceMute: true, mayUnmute: false });
    await stage.updateComplete;
    const mic = stage.shadowRoot!.querySelector<HTMLButtonElement>('button[data-control=microphone]')!;
    expect(mic.getAttribute('aria-disabled')).to.equal('true');
    expect(textOf(stage.shadowRoot!.querySelector('#locked-reason'))).to.contain('Phạm Thị Dung');
    expect(stage.shadowRoot!.querySelector('[data-featured]')!.getAttribute('data-participant-id')).to.equal('dung');
    await chair.send({ type: 'end-floor' });
    await room.updateComplete;
    expect(media.rule).to.deep.equal({ forceMute: false, mayUnmute: true });

    room.remove();
    expect(media.calls.at(-1), 'the room left the page: media disconnected').to.equal('disconnect()');
  });

  it('joins from the keyboard, and the focus goes to the stage’s microphone switch (the pressed button is gone)', async () => {
    const { binh } = await openStageMeeting();
    const media = new ScriptedMedia();
    const room = await fixture<PartyMeetingRoom>(html`<party-meeting-room lang="en" .store=${binh} .mediaAdapter=${media}></party-meeting-room>`);
    const check = await readyCheck(room);
    check.shadowRoot!.querySelector<HTMLButtonElement>('button[data-action=join]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => mediaStep(room) === 'joined', 'never joined');
    const stage = $(room, 'media-stage') as MediaStage;
    await waitUntil(() => stage.shadowRoot?.activeElement?.getAttribute('data-control') === 'microphone', 'the focus never reached the microphone switch');
    expect(stage.shadowRoot!.activeElement!.getAttribute('aria-pressed')).to.equal('true');
  });

  it('joins with the camera off when the member chooses so', async () => {
    const { binh } = await openStageMeeting();
    const media = new ScriptedMedia();
    const room = await fixture<PartyMeetingRoom>(html`<party-meeting-room lang="en" .store=${binh} .mediaAdapter=${media}></party-meeting-room>`);
    const check = await readyCheck(room);
    const off = check.shadowRoot!.querySelector<HTMLButtonElement>('button[data-action=join-camera-off]')!;
    expect(textOf(off)).to.equal('Join with camera off');
    off.click();
    await waitUntil(() => mediaStep(room) === 'joined', 'never joined');
    expect(media.join!.cameraOff).to.equal(true);
    expect(media.calls).not.to.include('setCamera(true)');
    const stage = $(room, 'media-stage') as MediaStage;
    await stage.updateComplete;
    expect(stage.lang).to.equal('en');
    expect(textOf(stage.shadowRoot!.querySelector('[data-self] [data-badge=camera-off]'))).to.equal('Your camera is off');
  });

  it('loads the built-in mesh layer by name over a signalling store and joins it', async () => {
    const { binh } = await openStageMeeting();
    const store = withSignalling(binh);
    const room = await fixture<PartyMeetingRoom>(html`<party-meeting-room .store=${store}></party-meeting-room>`);
    const check = await readyCheck(room);
    check.shadowRoot!.querySelector<HTMLButtonElement>('button[data-action=join-camera-off]')!.click();
    await waitUntil(() => mediaStep(room) === 'joined', `never joined the mesh (step ${mediaStep(room)})`, { timeout: 5000 });
    const stage = $(room, 'media-stage') as MediaStage;
    await waitUntil(() => stage.shadowRoot?.querySelector('button[data-control=microphone]'), 'no stage for the mesh');
    // The mesh talks to the others online through the store's relay: the room handed it the meeting's signalling.
    await waitUntil(() => store.sent > 0, 'the mesh never signalled through the store', { timeout: 5000 });
    expect(textOf(stage.shadowRoot!.querySelector('[data-featured] .name')), 'named from the meeting').to.equal('Nguyễn Văn An');
    room.remove();
  });
});
