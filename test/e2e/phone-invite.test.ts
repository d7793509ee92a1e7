/**
 * A member opens an invite link on a phone (360x740, touch) in the demo
 * portal, whose article header comes before the meeting: the first screen,
 * without scrolling, shows the camera check with "Vào họp" whole, and
 * pressing it joins (the stage replaces the check). A member who had
 * scrolled already is not moved. Debian's Chromium with a fake camera and
 * microphone against the server process (`--demo`, the default mesh: joining
 * alone opens no peer connection, so no network namespace is needed).
 *
 * Run: node --import tsx --test test/e2e/phone-invite.test.ts
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { JoinTokens } from '../../server/tokens.js';
import { CHROMIUM_ARGS, freePort, ServerProcess, waitFor } from './helpers.js';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, permissions: ['camera', 'microphone'] };

describe('a member opens an invite link on a phone', { timeout: 60_000 }, () => {
  const secret = randomBytes(36).toString('base64url');
  const dataDir = mkdtempSync(join(tmpdir(), 'party-e2e-phone-'));
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  let link = '';
  const contexts: BrowserContext[] = [];

  before(async () => {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    server = ServerProcess.start('server', { PORT: port, DATA_DIR: dataDir, PARTY_JWT_SECRET: secret });
    await server.ready(baseUrl);
    const token = await new JoinTokens(secret).sign({ meetingId: 'vnpt-van-yen-2026-11', participantId: 'nguyen-thi-lan', role: 'member' });
    link = `${baseUrl}/?invite=${encodeURIComponent(token)}`;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream'] });
  });
  after(async () => {
    await browser?.close().catch(() => {});
    await server?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function phonePage() {
    const context = await browser!.newContext(PHONE);
    contexts.push(context);
    return context.newPage();
  }

  it('sees "Vào họp" whole on the first screen, without scrolling, and joins with one press', async () => {
    const page = await phonePage();
    await page.goto(link);
    const join = page.locator('party-meeting-room device-check button[data-action="join"]');
    await waitFor('the camera check offers "Vào họp"', async () => assert.equal(((await join.textContent({ timeout: 1_000 })) ?? '').trim(), 'Vào họp'), 15_000);
    await waitFor(
      '"Vào họp" is inside the first screen',
      async () => {
        const box = await join.boundingBox();
        assert.ok(box && box.y >= 0 && box.y + box.height <= PHONE.viewport.height, `the button is at ${JSON.stringify(box)} in a ${PHONE.viewport.height} px screen`);
      },
      5_000,
    );
    // The preview of the member's own camera is on that screen too, above the button.
    const preview = await page.locator('party-meeting-room device-check [part="preview"]').boundingBox();
    assert.ok(preview && preview.y >= 0, `the preview is at ${JSON.stringify(preview)}`);
    await join.tap();
    await waitFor('the stage replaces the check', async () => assert.equal(await page.locator('party-meeting-room [data-media-step]').getAttribute('data-media-step'), 'joined'), 15_000);
    // The stage is shorter than the check was: its top is on the screen, not scrolled past.
    await waitFor(
      'the stage is in view',
      async () => {
        const box = await page.locator('party-meeting-room [data-media-step]').boundingBox();
        assert.ok(box && box.y >= 0 && box.y < PHONE.viewport.height / 2, `the stage is at ${JSON.stringify(box)}`);
      },
      5_000,
    );
  });

  it('leaves a member who had scrolled where they are', async () => {
    const page = await phonePage();
    // The member scrolls the article before the meeting has loaded: the page must not jump away from what they read.
    await page.goto(link, { waitUntil: 'commit' });
    await page.waitForLoadState('domcontentloaded');
    await page.evaluate(() => window.scrollTo(0, 40));
    const join = page.locator('party-meeting-room device-check button[data-action="join"]');
    await waitFor('the camera check is there', async () => assert.equal(((await join.textContent({ timeout: 1_000 })) ?? '').trim(), 'Vào họp'), 15_000);
    assert.equal(await page.evaluate(() => window.scrollY), 40);
  });
});
