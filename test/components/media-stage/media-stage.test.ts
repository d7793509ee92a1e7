import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MediaErrorCode } from '../../../src/core/index.js';
import { MediaChangedEvent, MediaRequestEvent } from '../../../src/components/media-stage/media-stage.events.js';
import { pictureTrack, remote, ScriptedMedia, soundTrack, stopAllTracks } from './scripted-media.js';
import { $, $$, click, control, featuredId, followFloor, openStageMeeting, renderStage, settle, smallNames, stageMeeting, textOf } from './stage.fixture.js';

/** Bình's stage with the chair, Dung and the commune hall on it, connected. */
async function binhsStage(lang?: string, definition = stageMeeting) {
  const stores = await openStageMeeting(definition);
  const media = new ScriptedMedia();
  media.set({
    status: 'connected',
    remotes: [
      remote('an', { video: pictureTrack('#0a5'), audio: soundTrack() }),
      remote('dung', { video: pictureTrack('#a50') }),
      remote('tech', { video: pictureTrack('#05a') }),
    ],
  });
  media.setLocal({ microphoneOn: true });
  await media.setCamera(true);
  const el = await renderStage(stores.binh, media, lang);
  return { ...stores, media, el };
}

describe('<media-stage>', function () {
  // Real camera tracks and an accessibility scan per test: on two shared cores, more than mocha's 2 s.
  this.timeout(10_000);
  afterEach(stopAllTracks);

  it('is accessible with the pictures, the names and the toolbar', async () => {
    const { el } = await binhsStage();
    await expect(el).to.be.accessible();
    expect($$(el, 'video').length, 'three remote pictures and the own one').to.equal(4);
    expect($$(el, 'button[data-control]').map((b) => textOf(b))).to.deep.equal([
      'Micro Đang bật',
      'Camera Đang bật',
      'Chia sẻ màn hình Đang tắt',
      'Chỉ nghe tiếng Đang tắt',
    ]);
  });

  it('names everyone from the meeting, shows the commune hall as one tile named for the room, and the member’s own picture last', async () => {
    const { el } = await binhsStage();
    expect(textOf($(el, '[data-featured] .name'))).to.equal('Nguyễn Văn An');
    expect(smallNames(el)).to.deep.equal(['Phạm Thị Dung', 'Hội trường xã', 'Bạn']);
    const hall = $(el, '[data-tile=tech]')!;
    expect(hall.classList.contains('kind-room')).to.be.true;
    expect(textOf(hall.querySelector('.badge.room'))).to.equal('Điểm cầu');
    expect(textOf(hall), 'the technician’s own name is not the tile’s').not.to.contain('Kỹ thuật viên');
    const self = $(el, '[data-self] video') as HTMLVideoElement;
    expect((self.srcObject as MediaStream).getVideoTracks()[0]!.readyState, 'a live camera track').to.equal('live');
    expect(self.classList.contains('mirror')).to.be.true;
  });

  it('shows the floor holder large; without a floor, whoever speaks, and keeps them large while they speak', async () => {
    const { el, chair, media } = await binhsStage();
    await chair.send({ type: 'give-floor', participantId: 'dung' });
    await settle(el);
    expect(featuredId(el)).to.equal('dung');
    expect(textOf($(el, '[data-featured] [data-badge=floor]'))).to.equal('Đang phát biểu');

    await chair.send({ type: 'end-floor' });
    media.set({ remotes: media.getSnapshot().remotes.map((r) => ({ ...r, speaking: r.participantId === 'tech' })) });
    await settle(el);
    expect(featuredId(el), 'the one who speaks').to.equal('tech');
    media.set({ remotes: media.getSnapshot().remotes.map((r) => ({ ...r, speaking: r.participantId !== 'dung' })) });
    await settle(el);
    expect(featuredId(el), 'still the one already large while they speak').to.equal('tech');
    media.set({ remotes: media.getSnapshot().remotes.map((r) => ({ ...r, speaking: false })) });
    await settle(el);
    expect(featuredId(el), 'a pause does not move the picture').to.equal('tech');
  });

  it('shows a member who speaks from the commune hall through the hall’s camera', async () => {
    const { el, chair } = await binhsStage();
    await chair.send({ type: 'give-floor', participantId: 'cuong' });
    await settle(el);
    expect(featuredId(el)).to.equal('tech');
    expect(textOf($(el, '[data-featured] .name'))).to.equal('Hội trường xã');
    expect(textOf($(el, '[data-featured] [data-badge=floor]'))).to.equal('Đang phát biểu');
  });

  it('says in words who is muted, who speaks, and whose connection is weak or lost', async () => {
    const { el, media } = await binhsStage();
    media.set({
      remotes: [
        remote('an', { speaking: true, video: pictureTrack('#0a5') }),
        remote('dung', { microphoneOn: false, cameraOn: false, quality: 'poor' }),
        remote('tech', { quality: 'lost', video: pictureTrack('#05a') }),
      ],
    });
    await settle(el);
    expect(textOf($(el, '[data-featured] [data-badge=speaking]'))).to.equal('Đang nói');
    expect($(el, '[data-featured]')!.classList.contains('speaking')).to.be.true;
    const dung = $(el, '[data-tile=dung]')!;
    expect(textOf(dung.querySelector('[data-badge=muted]'))).to.equal('Micro tắt');
    expect(textOf(dung.querySelector('[data-quality]'))).to.equal('Đường truyền yếu');
    expect(dung.querySelector('video'), 'camera off: no picture').to.equal(null);
    expect(textOf(dung.querySelector('.avatar'))).to.equal('D');
    expect(textOf(dung)).to.contain('Không có hình');
    expect(textOf($(el, '[data-tile=tech] [data-quality]'))).to.equal('Mất đường truyền');
    expect(textOf($(el, '[data-featured] [data-quality]')), 'a good connection, for screen readers').to.equal('Đường truyền tốt');
    await expect(el).to.be.accessible();
  });

  it('switches the microphone when clicked: the button shows it, and the events say so; a page may cancel it', async () => {
    const { el, media } = await binhsStage();
    const mic = () => control(el, 'microphone');
    expect(mic().getAttribute('aria-pressed')).to.equal('true');
    const changed = oneEvent(el, MediaChangedEvent.type);
    await click(el, mic());
    expect((await changed).detail).to.deep.equal({ control: 'microphone', on: false });
    expect(media.calls).to.include('setMicrophone(false)');
    expect(mic().getAttribute('aria-pressed')).to.equal('false');
    expect(textOf(mic())).to.equal('Micro Đang tắt');
    expect(textOf($(el, '[data-self] [data-badge=muted]'))).to.equal('Micro tắt');

    el.addEventListener(MediaRequestEvent.type, (e) => e.preventDefault(), { once: true });
    await click(el, control(el, 'camera'));
    expect(media.calls).not.to.include('setCamera(false)');
    expect(control(el, 'camera').getAttribute('aria-pressed')).to.equal('true');

    await click(el, control(el, 'audio-only'));
    expect(control(el, 'audio-only').getAttribute('aria-pressed')).to.equal('true');
    expect(media.calls).to.include('setAudioOnly(true)');
  });

  it('works from the keyboard: one Tab stop, arrows along the toolbar, Enter and Space switch', async () => {
    const { el, media } = await binhsStage();
    const tabStops = $$(el, 'button[data-control]').filter((b) => b.tabIndex === 0);
    expect(tabStops.map((b) => b.dataset.control)).to.deep.equal(['microphone']);
    control(el, 'microphone').focus();
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(el.shadowRoot!.activeElement).to.equal(control(el, 'camera'));
    await sendKeys({ press: 'Enter' });
    await settle(el);
    await settle(el);
    expect(media.calls).to.include('setCamera(false)');
    expect(control(el, 'camera').getAttribute('aria-pressed')).to.equal('false');
    await sendKeys({ press: 'End' });
    await settle(el);
    expect(el.shadowRoot!.activeElement).to.equal(control(el, 'audio-only'));
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(el.shadowRoot!.activeElement, 'wraps round').to.equal(control(el, 'microphone'));
    await sendKeys({ press: 'Space' });
    await settle(el);
    await settle(el);
    expect(control(el, 'microphone').getAttribute('aria-pressed')).to.equal('false');
  });

  it('locks the microphone while the chair gives someone else the floor with mute others, says why, and unlocks after', async () => {
    const { el, chair, binh, media } = await binhsStage();
    await chair.send({ type: 'give-floor', participantId: 'dung', muteOthers: true });
    followFloor(binh, media);
    await settle(el);
    const mic = control(el, 'microphone');
    expect(mic.getAttribute('aria-pressed')).to.equal('false');
    expect(mic.getAttribute('aria-disabled')).to.equal('true');
    expect(textOf(mic)).to.equal('Micro Đang khóa');
    const reason = 'Micro đang khóa: chủ trì đã mời Phạm Thị Dung phát biểu và tắt micro của những người khác. Hết lượt phát biểu, đồng chí bật lại được micro.';
    expect(textOf($(el, '#locked-reason'))).to.equal(reason);
    expect(mic.getAttribute('aria-describedby')).to.equal('locked-reason');
    expect(textOf($(el, '[data-announcement]'))).to.equal('Micro của đồng chí đã tắt theo điều hành của chủ trì: Phạm Thị Dung đang phát biểu.');
    await expect(el).to.be.accessible();

    media.calls.length = 0;
    await click(el, mic);
    expect(media.calls, 'a locked microphone is not asked to switch on').to.deep.equal([]);
    expect(textOf($(el, '[data-announcement]')), 'pressing it says why again').to.equal(reason);

    await chair.send({ type: 'end-floor' });
    followFloor(binh, media);
    await settle(el);
    expect(control(el, 'microphone').getAttribute('aria-disabled')).to.equal('false');
    expect($(el, '#locked-reason')).to.equal(null);
    expect(textOf($(el, '[data-announcement]'))).to.equal('Hết lượt phát biểu: đồng chí có thể bật micro.');
    await click(el, control(el, 'microphone'));
    expect(control(el, 'microphone').getAttribute('aria-pressed')).to.equal('true');
  });

  it('where the meeting lets members unmute during a turn, mutes without locking and says so', async () => {
    const { el, chair, binh, media } = await binhsStage(undefined, { ...stageMeeting, policy: { selfUnmuteDuringFloor: true } });
    await chair.send({ type: 'give-floor', participantId: 'dung', muteOthers: true });
    followFloor(binh, media);
    await settle(el);
    expect(textOf($(el, '[data-announcement]'))).to.equal(
      'Micro của đồng chí đã tắt theo điều hành của chủ trì: Phạm Thị Dung đang phát biểu. Đồng chí có thể bật lại micro khi cần.',
    );
    const mic = control(el, 'microphone');
    expect(mic.getAttribute('aria-pressed'), 'muted').to.equal('false');
    expect(mic.getAttribute('aria-disabled'), 'not locked').to.equal('false');
    expect($(el, '#locked-reason')).to.equal(null);
    await click(el, mic);
    expect(control(el, 'microphone').getAttribute('aria-pressed')).to.equal('true');
  });

  it('in English, the floor’s lock reads in English', async () => {
    const { el, chair, binh, media } = await binhsStage('en');
    await chair.send({ type: 'give-floor', participantId: 'dung', muteOthers: true });
    followFloor(binh, media);
    await settle(el);
    expect(textOf($(el, '#locked-reason'))).to.equal('Microphone locked: the chair gave Phạm Thị Dung the floor and muted everyone else. When the turn ends, you can switch it on again.');
    expect(textOf($(el, '[data-announcement]'))).to.equal('You are muted by the chair’s floor rule: Phạm Thị Dung has the floor.');
    expect(textOf(control(el, 'microphone'))).to.equal('Microphone Locked');
  });

  describe('errors, in plain words', () => {
    const headlines: Record<MediaErrorCode, { vi: string; en: string }> = {
      'permission-denied': { vi: 'Trình duyệt đang chặn camera và micro.', en: 'The browser is blocking the camera and microphone.' },
      'no-device': { vi: 'Không tìm thấy camera hoặc micro.', en: 'No camera or microphone was found.' },
      'device-busy': { vi: 'Camera hoặc micro đang bị ứng dụng khác dùng.', en: 'Another app is using the camera or microphone.' },
      'not-supported': { vi: 'Trình duyệt này không dùng được hình và tiếng của cuộc họp.', en: 'This browser cannot use the meeting’s video and sound.' },
      'server-unreachable': { vi: 'Không kết nối được máy chủ hình và tiếng.', en: 'The video and sound server cannot be reached.' },
      'ice-failed': { vi: 'Mạng đang chặn đường truyền hình và tiếng.', en: 'The network is blocking the video and sound.' },
      'publish-refused': { vi: 'Máy chủ chưa cho đồng chí phát hình và tiếng.', en: 'The server does not let you send video and sound yet.' },
    };
    for (const lang of ['vi', 'en'] as const) {
      it(`says each error’s headline in ${lang === 'vi' ? 'Vietnamese' : 'English'}, as an alert, and that the meeting goes on`, async () => {
        const { el, media } = await binhsStage(lang);
        for (const [code, words] of Object.entries(headlines) as [MediaErrorCode, { vi: string; en: string }][]) {
          media.fail(code);
          await settle(el);
          expect($(el, '[part=error]')!.dataset.error).to.equal(code);
          expect(textOf($(el, '[part=error] [role=alert]')), code).to.equal(words[lang]);
          expect(textOf($(el, '[data-procedure]'))).to.contain(lang === 'vi' ? 'Cuộc họp vẫn tiếp tục' : 'The meeting goes on');
        }
      });
    }

    it('permission denied: numbered steps for Chrome on Android, and Try again asks for the microphone again', async () => {
      const { el, media } = await binhsStage();
      el.userAgent = 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36';
      media.fail('permission-denied');
      await settle(el);
      await expect(el).to.be.accessible();
      expect($(el, '[data-how=chrome]'), 'Chrome’s steps').to.exist;
      expect($(el, '[data-how=safari]'), 'only the phone’s own steps').to.equal(null);
      expect($$(el, '[data-how=chrome] li').map((li) => textOf(li))[2]).to.equal('Bật “Máy ảnh” và “Micrô”.');
      media.calls.length = 0;
      await click(el, $(el, 'button[data-action=retry]'));
      expect(media.calls).to.deep.equal(['setMicrophone(true)']);
    });

    it('permission denied on an iPhone: Safari’s steps', async () => {
      const { el, media } = await binhsStage('en');
      el.userAgent = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
      media.fail('permission-denied');
      await settle(el);
      expect($$(el, '[data-how=safari] li').map((li) => textOf(li))[0]).to.equal('Tap the “Aa” button in the address bar.');
      expect($(el, '[data-how=chrome]')).to.equal(null);
    });

    it('not supported: which browser to open the link in', async () => {
      const { el, media } = await binhsStage();
      media.fail('not-supported');
      await settle(el);
      expect(textOf($(el, '[part=error]'))).to.contain('Hãy mở đường link cuộc họp bằng Chrome (điện thoại Android, máy tính) hoặc Safari (iPhone), bản mới nhất.');
      expect($(el, 'button[data-action=retry]'), 'nothing to retry in this browser').to.equal(null);
    });
  });

  it('announces when the media connection is lost and when it is back', async () => {
    const { el, media } = await binhsStage();
    media.set({ status: 'reconnecting' });
    await settle(el);
    expect(textOf($(el, '[data-announcement]'))).to.equal('Mất kết nối hình và tiếng. Đang kết nối lại…');
    expect(textOf($(el, '[part=status]'))).to.equal('Mất kết nối hình và tiếng. Đang kết nối lại…');
    media.set({ status: 'connected' });
    await settle(el);
    expect(textOf($(el, '[data-announcement]'))).to.equal('Đã kết nối lại hình và tiếng.');
    expect($(el, '[part=status]'), 'no status line while all is well').to.equal(null);
  });

  it('says when nobody else is there yet, and still shows the member’s own picture', async () => {
    const { binh } = await openStageMeeting();
    const media = new ScriptedMedia();
    media.set({ status: 'connected' });
    const el = await renderStage(binh, media);
    expect(textOf($(el, '[data-empty]'))).to.equal('Chưa có ai khác vào phần hình và tiếng.');
    expect(smallNames(el)).to.deep.equal(['Bạn']);
    expect(textOf($(el, '[data-self] [data-badge=camera-off]'))).to.equal('Camera của bạn đang tắt');
  });

  it('without an adapter, says the member is not connected to the video and sound', async () => {
    const { binh } = await openStageMeeting();
    const el = await renderStage(binh, undefined);
    expect(textOf($(el, '[part=status]'))).to.equal('Chưa vào phần hình và tiếng của cuộc họp.');
    expect($$(el, 'button')).to.have.length(0);
  });
});
