import { aTimeout, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { JoinEvent } from '../../src/components/device-check/device-check.events.js';
import { textOf } from './meeting-fixture.js';
import { $, $$, button, deniedByBrowserDouble, mouseClick, phase, render, resumeSyntheticAudio, SyntheticDevices, text, USER_AGENTS } from './device-check.fixture.js';

const PROCEDURE = 'Không có camera, micro, đồng chí vẫn tham gia đầy đủ phần thủ tục của cuộc họp: điểm danh, theo dõi chương trình, giơ tay phát biểu, biểu quyết và xem biên bản.';

describe('<device-check>', () => {
  // First in the file, before any click: the browser holds audio until the member clicks, as for a returning member whose check starts by itself.
  it('when the browser holds audio, offers a button to start the level meter', async () => {
    expect(navigator.userActivation.hasBeenActive, 'no click on this page yet').to.be.false;
    const el = await render({ probe: new SyntheticDevices({ permissionState: 'granted' }) });
    await phase(el, 'ready');
    expect(textOf(button(el, 'meter'))).to.equal('Đo tiếng micro');
    expect(text(el, '.meter [role=status]')).to.equal('Chưa nghe thấy tiếng');
    await expect(el).to.be.accessible();
    await mouseClick(el, button(el, 'meter'));
    await resumeSyntheticAudio();
    await waitUntil(() => button(el, 'meter') === null, 'the meter never started');
    await waitUntil(() => $(el, '.meter [role=status]')!.dataset.heard === 'true', 'the meter never heard the tone', { timeout: 3000 });
  });

  it('is accessible before asking for the devices, and says the browser will ask', async () => {
    const el = await render({ probe: new SyntheticDevices() });
    await expect(el).to.be.accessible();
    expect(text(el, 'h2')).to.equal('Kiểm tra camera và micro');
    expect(textOf(button(el, 'start'))).to.equal('Bật camera và micro');
    expect(text(el, '.note')).to.equal('Trình duyệt sẽ hỏi có cho phép dùng camera và micro không. Hãy bấm “Cho phép”.');
    expect(textOf(button(el, 'join-no-media'))).to.equal('Vào họp không dùng camera, micro');
    expect($(el, '[part=advice]')).to.be.null;
  });

  describe('when the devices cannot be used', () => {
    it('blocked on an Android phone: says so in an alert, with numbered steps for Chrome only', async () => {
      const probe = deniedByBrowserDouble();
      const el = await render({ probe, userAgent: USER_AGENTS.chromeAndroid });
      await mouseClick(el, button(el, 'start'));
      await phase(el, 'failed');
      await expect(el).to.be.accessible();
      expect(text(el, '[role=alert]')).to.equal('Trình duyệt đang chặn camera và micro.');
      expect($$(el, '[data-how]').map((s) => s.dataset.how)).to.deep.equal(['chrome']);
      expect(text(el, '[data-how=chrome] h3')).to.equal('Trên điện thoại Android (Chrome):');
      expect($$(el, '[data-how=chrome] li').map((li) => textOf(li))).to.deep.equal([
        'Bấm vào biểu tượng nhỏ ở đầu ô địa chỉ, bên trái đường link.',
        'Chọn “Quyền” (hoặc “Cài đặt trang web”).',
        'Bật “Máy ảnh” và “Micrô”.',
        'Quay lại trang này, bấm “Thử lại” ở dưới.',
      ]);
      expect(text(el, '.procedure')).to.equal(PROCEDURE);
      await mouseClick(el, button(el, 'retry'));
      await phase(el, 'failed');
      expect(probe.opened).to.equal(2);
    });

    it('blocked on an iPhone: the Safari steps only', async () => {
      const el = await render({ probe: deniedByBrowserDouble(), userAgent: USER_AGENTS.safariIphone });
      await mouseClick(el, button(el, 'start'));
      await phase(el, 'failed');
      expect($$(el, '[data-how]').map((s) => s.dataset.how)).to.deep.equal(['safari']);
      expect(text(el, '[data-how=safari] h3')).to.equal('Trên iPhone (Safari):');
      expect($$(el, '[data-how=safari] li').map((li) => textOf(li))).to.deep.equal([
        'Bấm nút “Aa” ở ô địa chỉ.',
        'Chọn “Cài đặt trang web”.',
        'Ở “Camera” và “Micrô”, chọn “Cho phép”.',
        'Quay lại trang này, bấm “Thử lại” ở dưới (nếu trang tự tải lại, bấm “Bật camera và micro”).',
      ]);
      await expect(el).to.be.accessible();
    });

    it('blocked on a computer (or an unknown device): the computer first, then both phones', async () => {
      const el = await render({ probe: deniedByBrowserDouble(), userAgent: USER_AGENTS.chromeWindows });
      await mouseClick(el, button(el, 'start'));
      await phase(el, 'failed');
      expect($$(el, '[data-how]').map((s) => s.dataset.how)).to.deep.equal(['computer', 'chrome', 'safari']);
      await expect(el).to.be.accessible();
    });

    it('with the keyboard: Enter on the start button; the focus moves to the heading instead of getting lost', async () => {
      const el = await render({ probe: deniedByBrowserDouble() });
      button(el, 'start')!.focus();
      await sendKeys({ press: 'Enter' });
      await phase(el, 'failed');
      expect(el.shadowRoot!.activeElement?.id).to.equal('check-title');
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement?.getAttribute('data-action'), 'the next stop is “Thử lại”').to.equal('retry');
    });

    it('no device: says none was found, and tries again by itself when one is plugged in', async () => {
      const probe = new SyntheticDevices({ cameras: [], microphones: [] });
      const el = await render({ probe });
      await mouseClick(el, button(el, 'start'));
      await phase(el, 'failed');
      await expect(el).to.be.accessible();
      expect(text(el, '[role=alert]')).to.equal('Không tìm thấy camera và micro.');
      expect(text(el, '[data-failure] p:not([role])')).to.equal('Nếu dùng máy tính, hãy cắm tai nghe có micro hoặc camera rời, rồi bấm “Thử lại”.');
      probe.plugIn({ kind: 'audioinput', deviceId: 'headset', label: 'Tai nghe' });
      await phase(el, 'ready');
      expect(text(el, '[data-status]')).to.equal('Micro đã sẵn sàng. Không dùng được camera: đồng chí vào họp không có hình.');
      expect(text(el, '[data-missing=video]')).to.equal('Không tìm thấy camera.');
      expect(button(el, 'join-camera-off'), 'no camera to turn off').to.be.null;
      expect(text(el, '.no-picture')).to.equal('Không có hình từ camera');
      const joined = oneEvent(el, 'party-join') as Promise<JoinEvent>;
      await mouseClick(el, button(el, 'join'));
      expect((await joined).detail).to.deep.equal({ audioDeviceId: 'headset', videoDeviceId: undefined, speakerId: undefined, cameraOff: true, noMedia: false });
    });

    it('another app holds both: says so, with what to close', async () => {
      const el = await render({ probe: new SyntheticDevices({ cameraError: 'NotReadableError', microphoneError: 'NotReadableError' }) });
      await mouseClick(el, button(el, 'start'));
      await phase(el, 'failed');
      expect(text(el, '[role=alert]')).to.equal('Camera hoặc micro đang bị ứng dụng khác dùng.');
      expect($$(el, '[data-failure] li').map((li) => textOf(li))).to.deep.equal([
        'Kết thúc cuộc gọi điện thoại, cuộc gọi Zalo hoặc cuộc họp trực tuyến khác.',
        'Đóng các ứng dụng, các thẻ trình duyệt khác đang dùng camera.',
        'Bấm “Thử lại”.',
      ]);
    });

    it('another app holds only the camera: the microphone still works, and the member is told', async () => {
      const probe = new SyntheticDevices({ cameraError: 'NotReadableError' });
      const el = await render({ probe });
      await mouseClick(el, button(el, 'start'));
      await phase(el, 'ready');
      expect(text(el, '[data-missing=video]')).to.equal('Camera đang bị ứng dụng khác dùng. Hãy đóng ứng dụng đó rồi bấm “Thử lại”.');
      expect(probe.liveTracks.map((t) => t.kind)).to.deep.equal(['audio']);
      await expect(el).to.be.accessible();
      probe.cameraError = undefined;
      await mouseClick(el, button(el, 'retry'));
      await phase(el, 'ready');
      expect(text(el, '[data-status]')).to.equal('Camera và micro đã sẵn sàng.');
      expect($(el, '[data-missing]')).to.be.null;
      expect(probe.liveTracks.map((t) => t.kind)).to.deep.equal(['audio', 'video']);
    });
  });

  describe('with working devices', () => {
    it('starts by itself when the member allowed the devices before; shows the picture and the devices', async () => {
      const probe = new SyntheticDevices({ permissionState: 'granted' });
      const el = await render({ probe });
      await phase(el, 'ready');
      await expect(el).to.be.accessible();
      expect(text(el, '[data-status]')).to.equal('Camera và micro đã sẵn sàng.');
      const video = $<HTMLVideoElement>(el, 'video')!;
      expect(video.muted).to.be.true;
      expect((video.srcObject as MediaStream).getVideoTracks()[0]!.readyState).to.equal('live');
      const options = (kind: string) => $$<HTMLOptionElement>(el, `select[data-kind=${kind}] option`).map((o) => textOf(o));
      expect(options('audioinput')).to.deep.equal(['Micro điện thoại']);
      expect(options('videoinput')).to.deep.equal(['Camera trước', 'Camera sau']);
      expect(options('audiooutput')).to.deep.equal(['Loa ngoài']);
      expect($$(el, 'label').map((l) => textOf(l))).to.deep.equal(['Micro', 'Camera', 'Loa']);
    });

    it('fires party-device-ready when the devices work', async () => {
      const el = await render({ probe: new SyntheticDevices() });
      const ready = oneEvent(el, 'party-device-ready');
      await mouseClick(el, button(el, 'start'));
      expect(((await ready) as Event).composed).to.be.true;
      expect(text(el, '[data-status]')).to.equal('Camera và micro đã sẵn sàng.');
    });

    it('the level bar follows the microphone; its text says “Micro đang nhận tiếng” once, not on every change', async () => {
      const el = await render({ probe: new SyntheticDevices() });
      await mouseClick(el, button(el, 'start'));
      await phase(el, 'ready');
      const region = $(el, '.meter [role=status]')!;
      let changes = 0;
      const observer = new MutationObserver(() => changes++);
      observer.observe(region, { subtree: true, childList: true, characterData: true });
      await waitUntil(() => region.dataset.heard === 'true', 'the meter never heard the tone', { timeout: 3000 });
      await el.updateComplete;
      expect(textOf(region)).to.equal('Micro đang nhận tiếng');
      expect(Number($(el, '.bar rect')!.getAttribute('width'))).to.be.greaterThan(50);
      await aTimeout(800);
      observer.disconnect();
      expect(changes, 'one change of text for the screen reader').to.equal(1);
      expect($(el, '.bar')!.getAttribute('aria-hidden')).to.equal('true');
    });

    it('a silent microphone: the bar stays empty and the text says nothing is heard', async () => {
      const el = await render({ probe: new SyntheticDevices({ loud: false }) });
      await mouseClick(el, button(el, 'start'));
      await phase(el, 'ready');
      await aTimeout(400);
      await el.updateComplete;
      expect(text(el, '.meter [role=status]')).to.equal('Chưa nghe thấy tiếng');
      expect($(el, '.bar rect')!.getAttribute('width')).to.equal('0');
    });

    it('when the camera is unplugged during the check, keeps the microphone and says the camera is gone', async () => {
      const probe = new SyntheticDevices();
      const el = await render({ probe });
      await mouseClick(el, button(el, 'start'));
      await phase(el, 'ready');
      probe.cameras = [];
      const camera = probe.liveTracks.find((t) => t.kind === 'video')!;
      camera.stop();
      // A track the browser ends itself fires 'ended' (one stopped by the page does not): the unplugging, as the element sees it.
      camera.dispatchEvent(new Event('ended'));
      await waitUntil(() => $(el, '[data-missing=video]') !== null, 'the check never noticed', { timeout: 3000 });
      await el.updateComplete;
      expect(text(el, '[data-missing=video]')).to.equal('Không tìm thấy camera.');
      expect(text(el, '[data-status]')).to.equal('Micro đã sẵn sàng. Không dùng được camera: đồng chí vào họp không có hình.');
      expect(probe.liveTracks.map((t) => t.kind)).to.deep.equal(['audio']);
    });

    it('choosing another camera opens that camera and releases the first', async () => {
      const probe = new SyntheticDevices();
      const el = await render({ probe });
      await mouseClick(el, button(el, 'start'));
      await phase(el, 'ready');
      const select = $<HTMLSelectElement>(el, 'select[data-kind=videoinput]')!;
      select.focus();
      await sendKeys({ press: 'ArrowDown' });
      await phase(el, 'ready');
      await waitUntil(() => probe.opened.length === 2);
      expect(probe.opened[1]!.video).to.deep.equal({ deviceId: { exact: 'cam-back' } });
      expect(probe.streams[0]!.getTracks().map((t) => t.readyState)).to.deep.equal(['ended', 'ended']);
      expect(probe.liveTracks).to.have.length(2);
    });

    it('plays the test chime through the chosen speaker', async () => {
      const el = await render({ probe: new SyntheticDevices() });
      await mouseClick(el, button(el, 'start'));
      await phase(el, 'ready');
      await mouseClick(el, button(el, 'test-sound'));
      expect(text(el, '[data-sound]')).to.equal('Đang phát tiếng chuông thử…');
      expect(button(el, 'test-sound')!.disabled).to.be.true;
      await waitUntil(() => $(el, '[data-sound]')!.dataset.sound !== 'playing', 'the chime never ended', { timeout: 3000 });
      await el.updateComplete;
      expect(text(el, '[data-sound]')).to.equal('Nếu không nghe thấy tiếng chuông, hãy tăng âm lượng hoặc chọn loa khác.');
    });

    it('says so when the chosen speaker cannot play', async () => {
      const el = await render({ probe: new SyntheticDevices({ speakers: [{ kind: 'audiooutput', deviceId: 'unplugged-speaker', label: 'Loa cũ' }] }) });
      await mouseClick(el, button(el, 'start'));
      await phase(el, 'ready');
      const select = $<HTMLSelectElement>(el, 'select[data-kind=audiooutput]')!;
      select.dispatchEvent(new Event('change'));
      await mouseClick(el, button(el, 'test-sound'));
      await waitUntil(() => $(el, '[data-sound]')!.dataset.sound !== 'playing', 'the chime never ended', { timeout: 3000 });
      await el.updateComplete;
      expect(text(el, '[data-sound]')).to.equal('Không phát được tiếng thử. Hãy bấm lại “Nghe thử loa”.');
    });
  });

  describe('joining', () => {
    async function ready(probe = new SyntheticDevices()) {
      const el = await render({ probe });
      await mouseClick(el, button(el, 'start'));
      await phase(el, 'ready');
      return el;
    }

    it('“Vào họp, tắt camera”: asks first, then joins with the camera off and releases the devices', async () => {
      const probe = new SyntheticDevices();
      const el = await ready(probe);
      const select = $<HTMLSelectElement>(el, 'select[data-kind=videoinput]')!;
      select.value = 'cam-back';
      select.dispatchEvent(new Event('change'));
      await phase(el, 'ready');
      await waitUntil(() => probe.opened.length === 2 && $(el, 'video') !== null);
      const order: string[] = [];
      el.addEventListener('party-join-request', (e) => order.push(`${e.type}:${e.cancelable}`));
      el.addEventListener('party-join', (e) => order.push(`${e.type}:${probe.liveTracks.length}`));
      const joined = oneEvent(el, 'party-join') as Promise<JoinEvent>;
      await mouseClick(el, button(el, 'join-camera-off'));
      expect((await joined).detail).to.deep.equal({ audioDeviceId: 'mic-phone', videoDeviceId: 'cam-back', speakerId: undefined, cameraOff: true, noMedia: false });
      expect(order, 'the request is cancelable, and the devices are free when the join fires').to.deep.equal(['party-join-request:true', 'party-join:0']);
      expect(text(el, '[data-status]')).to.equal('Đang vào họp…');
      expect($(el, 'video')).to.be.null;
    });

    it('“Vào họp” with the keyboard, camera on', async () => {
      const el = await ready();
      const joined = oneEvent(el, 'party-join') as Promise<JoinEvent>;
      button(el, 'join')!.focus();
      await sendKeys({ press: 'Enter' });
      expect((await joined).detail).to.include({ cameraOff: false, noMedia: false });
    });

    it('a host page that cancels the request keeps the member on the check, devices on', async () => {
      const probe = new SyntheticDevices();
      const el = await ready(probe);
      el.addEventListener('party-join-request', (e) => e.preventDefault());
      let joined = false;
      el.addEventListener('party-join', () => (joined = true));
      await mouseClick(el, button(el, 'join'));
      expect(joined).to.be.false;
      expect(text(el, '[data-status]')).to.equal('Camera và micro đã sẵn sàng.');
      expect(probe.liveTracks).to.have.length(2);
    });

    it('taken off the page, it releases camera and microphone', async () => {
      const probe = new SyntheticDevices();
      const el = await ready(probe);
      expect(probe.liveTracks).to.have.length(2);
      el.remove();
      expect(probe.liveTracks).to.have.length(0);
    });

    it('no-media: never opens a device, and joins for the procedure only', async () => {
      const probe = new SyntheticDevices({ permissionState: 'granted' });
      const el = await render({ probe, noMedia: true, userAgent: USER_AGENTS.zaloAndroid });
      await expect(el).to.be.accessible();
      expect(text(el, 'h2')).to.equal('Sẵn sàng vào họp');
      expect($(el, '[part=advice]'), 'an in-app browser is fine without media').to.be.null;
      expect(text(el, '.procedure')).to.equal(PROCEDURE);
      const joined = oneEvent(el, 'party-join') as Promise<JoinEvent>;
      await mouseClick(el, button(el, 'join-no-media'));
      expect((await joined).detail).to.deep.equal({ cameraOff: true, noMedia: true });
      expect(probe.opened).to.have.length(0);
    });
  });

  describe("with the browser's own media API", () => {
    /** What this Chromium gives, asked directly: 'ok', or the error's name when neither device opens at all. */
    async function browserGives(): Promise<string> {
      const open = (constraints: MediaStreamConstraints) =>
        navigator.mediaDevices.getUserMedia(constraints).then(
          (stream) => (stream.getTracks().forEach((t) => t.stop()), 'ok'),
          (error: DOMException) => error.name,
        );
      const both = await open({ audio: true, video: true });
      if (both === 'ok') return 'ok';
      const alone = [await open({ audio: true }), await open({ video: true })];
      return alone.includes('ok') ? 'one device only' : both;
    }
    const ALERTS: Record<string, string> = {
      NotFoundError: 'Không tìm thấy camera và micro.',
      NotAllowedError: 'Trình duyệt đang chặn camera và micro.',
      NotReadableError: 'Camera hoặc micro đang bị ứng dụng khác dùng.',
    };

    it('when getUserMedia fails (headless Chromium has no devices: NotFoundError), explains the error it actually gets', async function () {
      const gives = await browserGives();
      if (!(gives in ALERTS)) this.skip();
      const el = await render({ userAgent: USER_AGENTS.chromeAndroid });
      await mouseClick(el, button(el, 'start'));
      await phase(el, 'failed');
      expect(text(el, '[role=alert]'), `the browser gave ${gives}`).to.equal(ALERTS[gives]);
      await expect(el).to.be.accessible();
    });

    it('with devices (Chromium with fake media): shows the picture, hears the fake microphone, releases on join', async function () {
      // Runs when Chromium has --use-fake-device-for-media-stream and --use-fake-ui-for-media-stream.
      if ((await browserGives()) !== 'ok') this.skip();
      const el = await render({ userAgent: USER_AGENTS.chromeAndroid });
      await mouseClick(el, button(el, 'start'));
      await phase(el, 'ready');
      expect(text(el, '[data-status]')).to.equal('Camera và micro đã sẵn sàng.');
      const stream = $<HTMLVideoElement>(el, 'video')!.srcObject as MediaStream;
      await waitUntil(() => $(el, '.meter [role=status]')!.dataset.heard === 'true', 'the fake microphone beeps', { timeout: 4000 });
      const joined = oneEvent(el, 'party-join') as Promise<JoinEvent>;
      await mouseClick(el, button(el, 'join'));
      const { detail } = await joined;
      expect(detail.audioDeviceId).to.be.a('string');
      expect(detail.videoDeviceId).to.be.a('string');
      expect(stream.getTracks().map((t) => t.readyState)).to.deep.equal(['ended', 'ended']);
    });
  });
});
