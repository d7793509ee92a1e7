import { fixture, html, expect } from '@open-wc/testing';
import '../../src/define.js';
describe('smoke', () => {
  it('renders', async () => {
    const el = await fixture(html`<party-meeting-room></party-meeting-room>`);
    expect(el.shadowRoot!.textContent).to.contain('đường link mời');
  });
});
