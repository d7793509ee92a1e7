/**
 * A page for looking at `<media-stage>` and the room with media, in
 * screenshots (scripts/stage-screenshots.ts): `?view=stage|room|error|empty`.
 * The scripted adapter gives real tracks (see scripted-media.ts).
 */
import '../../../src/define.js';
import { html, render } from 'lit';
import { microphoneRule } from '../../../src/core/index.js';
import type { MeetingStore } from '../../../src/client/index.js';
import { pictureTrack, remote, ScriptedMedia, soundTrack } from './scripted-media.js';
import { openStageMeeting } from './stage.fixture.js';

const params = new URLSearchParams(location.search);
const view = params.get('view') ?? 'stage';
const lang = params.get('lang') ?? 'vi';

async function main(): Promise<void> {
  const { chair, binh } = await openStageMeeting();
  const media = new ScriptedMedia();
  media.set({
    status: 'connected',
    remotes: [
      remote('an', { video: pictureTrack('#2e7d32'), audio: soundTrack(), speaking: true }),
      remote('dung', { video: pictureTrack('#6d4c41'), microphoneOn: false, quality: 'poor' }),
      remote('tech', { video: pictureTrack('#1565c0') }),
      remote('cuong', { cameraOn: false, microphoneOn: false }),
    ],
  });
  await media.setCamera(true);
  media.setLocal({ microphoneOn: true });
  const follow = (store: MeetingStore) => media.applyMicrophoneRule(microphoneRule(store.getSnapshot().meeting!, 'binh'));
  if (params.has('floor')) {
    await chair.send({ type: 'give-floor', participantId: 'dung', muteOthers: true });
    follow(binh);
  }
  if (view === 'error') media.fail((params.get('code') as 'permission-denied') ?? 'permission-denied');
  if (view === 'empty') media.set({ remotes: [] });
  const root = document.querySelector('main')!;
  if (view === 'room') {
    render(html`<party-meeting-room lang=${lang} .store=${binh} .mediaAdapter=${media}></party-meeting-room>`, root);
  } else {
    render(html`<media-stage lang=${lang} .store=${binh} .media=${media} user-agent=${params.get('ua') ?? ''}></media-stage>`, root);
  }
  document.body.dataset.ready = 'true';
}

void main();
