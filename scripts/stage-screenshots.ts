#!/usr/bin/env node
/**
 * Screenshots of `<media-stage>` and of the room with media, on a 360 px
 * phone and a 1280 px screen (and a 1920 px projector), in Debian's
 * Chromium with its fake camera: `node --import tsx scripts/stage-screenshots.ts`.
 * They land in .test-results/screenshots/ for a person to look at (issue 5:
 * "check both by screenshots, look at them, fix what a person would stumble on").
 * Serves on 127.0.0.1 only.
 */
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../test/e2e/helpers.js';

const out = '.test-results/screenshots';
mkdirSync(out, { recursive: true });

const bundle = await build({
  entryPoints: ['test/components/media-stage/stage-harness.ts'],
  bundle: true,
  format: 'esm',
  write: false,
  target: 'es2022',
  logLevel: 'warning',
});
const page = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>media-stage</title><style>body{margin:0;padding:8px;font-family:system-ui}</style></head><body><main></main><script type="module" src="/harness.js"></script></body></html>`;
const server = createServer((req, res) => {
  if (req.url?.startsWith('/harness.js')) {
    res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle.outputFiles[0]!.contents);
  } else {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  }
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

const shots: ReadonlyArray<readonly [string, string, number, number]> = [
  ['stage-360', '?view=stage', 360, 780],
  ['stage-360-floor', '?view=stage&floor', 360, 780],
  ['stage-360-error', '?view=error&code=permission-denied&ua=Android', 360, 780],
  ['stage-360-empty', '?view=empty', 360, 780],
  ['stage-1280', '?view=stage', 1280, 800],
  ['stage-1280-en-floor', '?view=stage&floor&lang=en', 1280, 800],
  ['room-360', '?view=room', 360, 780],
  ['room-1280', '?view=room', 1280, 800],
  ['joined-360', '?view=room&join', 360, 780],
  ['joined-1280', '?view=room&join&floor', 1280, 800],
  ['projector-1920', '?view=room&join&fullscreen', 1920, 1080],
];

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'],
});
try {
  for (const [name, query, width, height] of shots) {
    const context = await browser.newContext({ viewport: { width, height } });
    const tab = await context.newPage();
    tab.on('pageerror', (error) => console.error(`${name}: ${error.message}`));
    await tab.goto(base + query);
    await tab.waitForSelector('body[data-ready]', { timeout: 10_000 });
    // As a member would: press "Vào họp" in the device check, and the full-screen button for a projector.
    if (query.includes('join')) await tab.click('button[data-action=join]', { timeout: 10_000 });
    if (query.includes('fullscreen')) {
      await tab.click('button[data-fullscreen]');
      await tab.waitForFunction(() => document.fullscreenElement?.localName === 'party-meeting-room', undefined, { timeout: 5000 });
    }
    await tab.waitForTimeout(1500);
    const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    // The stage whole; the room as its first screen (what a member sees on opening the link) and the next one.
    const whole = name.startsWith('stage');
    await tab.screenshot({ path: `${out}/${name}.png`, fullPage: whole });
    if (!whole) {
      await tab.evaluate((h) => ((document.fullscreenElement ?? document.scrollingElement)!.scrollTop = h), height);
      await tab.screenshot({ path: `${out}/${name}-2.png` });
    }
    console.log(`${out}/${name}.png${overflow > 0 ? `  (overflows by ${overflow} px)` : ''}`);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
