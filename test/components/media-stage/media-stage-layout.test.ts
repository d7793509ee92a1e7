import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { pictureTrack, remote, ScriptedMedia, stopAllTracks } from './scripted-media.js';
import { $, $$, control, openStageMeeting, renderStage, settle } from './stage.fixture.js';

/** A stage with five others, the floor locked, and a weak link: the busiest a member's phone shows. */
async function busyStage() {
  const { binh } = await openStageMeeting();
  const media = new ScriptedMedia();
  media.set({
    status: 'connected',
    remotes: [
      remote('an', { video: pictureTrack('#2e7d32'), speaking: true }),
      remote('dung', { video: pictureTrack('#6d4c41'), microphoneOn: false, quality: 'poor' }),
      remote('tech', { video: pictureTrack('#1565c0') }),
      remote('cuong', { cameraOn: false, microphoneOn: false, quality: 'lost' }),
    ],
  });
  media.setLocal({ microphoneLocked: true });
  await media.setCamera(true);
  const el = await renderStage(binh, media);
  await settle(el);
  return el;
}

const top = (node: Element | null) => node!.getBoundingClientRect().top;

describe('<media-stage> on a 360 px phone and a wide screen', function () {
  this.timeout(10_000);
  afterEach(stopAllTracks);
  after(() => setViewport({ width: 800, height: 600 }));

  it('on a phone: accessible, nothing wider than the screen, the speaker first, then the switches, then everyone else', async () => {
    await setViewport({ width: 360, height: 740 });
    const el = await busyStage();
    await expect(el).to.be.accessible();
    expect(document.documentElement.scrollWidth, 'no sideways scrolling').to.be.at.most(360);
    for (const node of $$(el, '*')) {
      const box = node.getBoundingClientRect();
      if (box.width > 0) expect(box.right, `${node.localName}.${node.className} stays on screen`).to.be.at.most(360);
    }
    expect(top($(el, '[data-featured]'))).to.be.below(top($(el, '[role=toolbar]')));
    expect(top($(el, '[role=toolbar]'))).to.be.below(top($(el, '.tiles')));
    const columns = new Set($$(el, '.tiles > li').map((li) => Math.round(li.getBoundingClientRect().left)));
    expect(columns.size, 'small pictures two abreast').to.equal(2);
  });

  it('on a phone, every switch is a large target (at least 44 px each way)', async () => {
    await setViewport({ width: 360, height: 740 });
    const el = await busyStage();
    for (const button of $$(el, 'button')) {
      const box = button.getBoundingClientRect();
      expect(box.height, `${button.dataset.control} height`).to.be.at.least(44);
      expect(box.width, `${button.dataset.control} width`).to.be.at.least(44);
    }
  });

  it('on a wide screen, everyone else stands beside the large picture and the switches sit in one row', async () => {
    await setViewport({ width: 1280, height: 800 });
    const el = await busyStage();
    const featured = $(el, '[data-featured]')!.getBoundingClientRect();
    const tiles = $(el, '.tiles')!.getBoundingClientRect();
    expect(tiles.left, 'beside, not below').to.be.at.least(featured.right);
    expect(featured.height, 'the large picture fits the screen').to.be.at.most(800 * 0.6 + 80);
    const rows = new Set($$(el, 'button[data-control]').map((b) => Math.round(b.getBoundingClientRect().top)));
    expect(rows.size).to.equal(1);
    expect(control(el, 'microphone').getBoundingClientRect().width, 'not stretched across the screen').to.be.at.most(200);
  });
});
