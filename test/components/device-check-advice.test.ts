import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { JoinEvent, JoinRequestEvent } from '../../src/components/device-check/device-check.events.js';
import { browserMediaProbe } from '../../src/components/device-check/media-probe.js';
import { textOf } from './meeting-fixture.js';
import { $, $$, button, mouseClick, phase, render, SyntheticDevices, text, USER_AGENTS } from './device-check.fixture.js';

const PROCEDURE = 'Không có camera, micro, đồng chí vẫn tham gia đầy đủ phần thủ tục của cuộc họp: điểm danh, theo dõi chương trình, giơ tay phát biểu, biểu quyết và xem biên bản.';

/** <device-check> where camera and microphone cannot be used: in-app browsers and browsers without WebRTC. */
describe('<device-check> advice to change browser', () => {
  // First in the file: the page has had no click yet, so the browser refuses the clipboard for real.
  it('when the browser will not copy, shows the link to copy by hand, selected', async () => {
    expect(navigator.userActivation.isActive, 'no user gesture yet').to.be.false;
    const el = await render({ userAgent: USER_AGENTS.zaloAndroid, link: 'https://dang.example.vn/hop/abc' });
    await expect(el).to.be.accessible();
    button(el, 'copy')!.click();
    await waitUntil(() => $(el, '[data-copy]')!.dataset.copy !== 'idle');
    await el.updateComplete;
    expect(text(el, '[data-copy]')).to.equal('Không tự sao chép được. Hãy giữ ngón tay vào đường link dưới đây và chọn “Sao chép”.');
    const input = $<HTMLInputElement>(el, 'input[readonly]')!;
    expect(input.value).to.equal('https://dang.example.vn/hop/abc');
    expect(textOf(input.closest('label'))).to.equal('Đường link cuộc họp');
    expect(input.selectionEnd! - input.selectionStart!).to.equal(input.value.length);
    await expect(el).to.be.accessible();
  });

  describe('in an in-app browser', () => {
    const apps = [
      ['zaloAndroid', 'Zalo'],
      ['zaloIos', 'Zalo'],
      ['facebookIos', 'Facebook'],
      ['facebookAndroid', 'Facebook'],
      ['messengerIos', 'Messenger'],
      ['messengerAndroid', 'Messenger'],
      ['instagram', 'Instagram'],
      ['line', 'LINE'],
    ] as const;
    for (const [agent, app] of apps) {
      it(`${agent}: names ${app}, says how to open the link in Chrome or Safari, and that the procedure works without media`, async () => {
        const probe = new SyntheticDevices({ permissionState: 'granted' });
        const el = await render({ probe, userAgent: USER_AGENTS[agent] });
        expect(text(el, '[part=advice] h3')).to.equal('Hãy mở đường link này bằng Chrome hoặc Safari');
        expect(text(el, '[data-advice]')).to.equal(`Đồng chí đang mở trang trong ứng dụng ${app}. Trình duyệt bên trong ${app} thường không dùng được camera và micro.`);
        const steps = $$(el, '[part=advice] ol li').map((li) => textOf(li));
        expect(steps).to.deep.equal(
          app === 'Zalo'
            ? ['Bấm nút “…” (ba chấm) ở góc trên, bên phải màn hình.', 'Chọn “Mở bằng trình duyệt”.']
            : ['Bấm nút “…” hoặc “⋮” ở góc màn hình.', 'Chọn mục “Mở bằng trình duyệt” (có khi ghi “Mở trong Chrome” hoặc “Mở trong Safari”).'],
        );
        expect(textOf(button(el, 'copy'))).to.equal('Sao chép đường link');
        expect(text(el, '.procedure')).to.equal(PROCEDURE);
        expect(textOf(button(el, 'join-no-media'))).to.equal('Vào họp không dùng camera, micro');
        expect(probe.opened, 'no camera opened inside the app, even with permission').to.have.length(0);
      });
    }

    it('is accessible, and copies the link with a real tap', async () => {
      const el = await render({ userAgent: USER_AGENTS.zaloIos, link: 'https://dang.example.vn/hop/xyz' });
      await expect(el).to.be.accessible();
      await mouseClick(el, button(el, 'copy'));
      await waitUntil(() => $(el, '[data-copy]')!.dataset.copy !== 'idle');
      await el.updateComplete;
      expect(text(el, '[data-copy]')).to.equal('Đã sao chép đường link. Hãy mở Chrome hoặc Safari và dán vào ô địa chỉ.');
      expect($(el, 'input[readonly]')).to.be.null;
      await expect(el).to.be.accessible();
    });

    it('lets the member try the camera here anyway', async () => {
      const probe = new SyntheticDevices();
      const el = await render({ probe, userAgent: USER_AGENTS.facebookAndroid });
      await mouseClick(el, button(el, 'try-here'));
      expect($(el, '[part=advice]')).to.be.null;
      await mouseClick(el, button(el, 'start'));
      await phase(el, 'ready');
      expect(probe.opened).to.have.length(1);
    });

    it('gives no advice in Chrome or Safari themselves', async () => {
      for (const userAgent of [USER_AGENTS.chromeAndroid, USER_AGENTS.safariIphone]) {
        const el = await render({ probe: new SyntheticDevices(), userAgent });
        expect($(el, '[part=advice]'), userAgent).to.be.null;
        expect(button(el, 'start'), userAgent).to.exist;
      }
    });

    it('speaks English when asked', async () => {
      const el = await render({ userAgent: USER_AGENTS.zaloAndroid, lang: 'en' });
      expect(text(el, '[part=advice] h3')).to.equal('Please open this link in Chrome or Safari');
      expect(textOf(button(el, 'join-no-media'))).to.equal('Join without camera and microphone');
    });
  });

  describe('in a browser without WebRTC', () => {
    it('explains, offers the link and joins without media; no “try here”', async () => {
      const el = await render({ probe: browserMediaProbe({ navigator, RTCPeerConnection: undefined }), userAgent: USER_AGENTS.chromeAndroid });
      await expect(el).to.be.accessible();
      expect(text(el, '[data-advice]')).to.equal('Trình duyệt này không dùng được camera và micro cho cuộc họp trực tuyến.');
      expect(text(el, '[data-advice] + p')).to.equal('Hãy mở đường link bằng Chrome (điện thoại Android, máy tính) hoặc Safari (iPhone), bản mới nhất.');
      expect(button(el, 'try-here')).to.be.null;
      const request = oneEvent(el, 'party-join-request') as Promise<JoinRequestEvent>;
      const joined = oneEvent(el, 'party-join') as Promise<JoinEvent>;
      await mouseClick(el, button(el, 'join-no-media'));
      expect((await request).detail).to.deep.equal({ cameraOff: true, noMedia: true });
      expect((await joined).detail).to.deep.equal({ cameraOff: true, noMedia: true });
      expect(text(el, '[data-status]')).to.equal('Đang vào họp…');
    });
  });

});
