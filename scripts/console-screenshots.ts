#!/usr/bin/env node
/**
 * Screenshots of the upper level's console (/cap-tren of the demo: the
 * schedule calendar, the assessment, the pilot report, a cell's
 * registration) on a 360 px phone and a 1280 px screen, and the report as it
 * prints, in Debian's Chromium: `node --import tsx scripts/console-screenshots.ts`.
 * Starts the demo server (127.0.0.1, a temporary DATA_DIR) and stops it.
 * The pictures land in .test-results/screenshots/ for a person to look at.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, freePort } from '../test/e2e/helpers.js';

const out = '.test-results/screenshots';
mkdirSync(out, { recursive: true });
const dataDir = mkdtempSync(join(tmpdir(), 'console-demo-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--demo'], {
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
  stdio: ['ignore', 'pipe', 'inherit'],
});

/** Waits until the console page carries its token (the registry is seeded). */
async function seeded(): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const page = await (await fetch(`${base}/cap-tren`)).text();
      if (/<pilot-report token="[^"]+"/.test(page)) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('The demo console was not ready within 60 s.');
}

/** Waits until every console element on the page has finished loading. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      ['meeting-schedule', 'meeting-assessment', 'pilot-report'].every((tag) =>
        [...document.querySelectorAll(tag)].every((el) => el.shadowRoot && !el.shadowRoot.querySelector('[data-loading]') && el.shadowRoot.childElementCount > 0),
      ),
    undefined,
    { timeout: 15_000 },
  );
  await page.waitForTimeout(300);
}

/** An element's picture in parts at most 800 px tall, numbered from 1: a tall phone page can be looked at a part at a time. */
async function parts(page: Page, selector: string, name: string): Promise<void> {
  const box = await page.locator(selector).boundingBox();
  if (!box) return;
  const top = box.y + (await page.evaluate(() => window.scrollY));
  for (let y = 0, n = 1; y < box.height; y += 800, n++) {
    const clip = { x: box.x, y: top + y, width: box.width, height: Math.min(800, box.height - y) };
    await page.screenshot({ path: `${out}/${name}-${n}.png`, clip, fullPage: true });
  }
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  await seeded();
  for (const width of [360, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: width === 360 ? 780 : 900 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`page error (${width}):`, error.message));
    await page.goto(`${base}/cap-tren`);
    await settled(page);
    await page.screenshot({ path: `${out}/console-${width}-full.png`, fullPage: true });
    for (const [name, selector] of [
      ['calendar', '#lich'],
      ['assessment', '#danh-gia'],
      ['report', '#bao-cao'],
    ] as const) {
      await parts(page, selector, `console-${width}-${name}`);
    }
    // The cell's form: a date this year and fully online, where the sample cell may only meet hybrid.
    const cell = page.locator('meeting-schedule[mode=cell]');
    await cell.locator('#when').fill(`${new Date().getFullYear()}-12-15T19:30`);
    await cell.locator('input[name=mode][value=online]').check();
    await page.waitForTimeout(500);
    await parts(page, '#dang-ky', `console-${width}-cell-online`);
    // The delegate form, opened on the first meeting of the month shown.
    const assign = page.locator('meeting-schedule[mode=upper] button[data-action=assign]').first();
    if (await assign.count()) {
      await assign.click();
      await parts(page, '#lich', `console-${width}-assign`);
    }
    await context.close();
  }
  // The report as it prints (A4 width).
  const context = await browser.newContext({ viewport: { width: 794, height: 1123 } });
  const page = await context.newPage();
  await page.goto(`${base}/cap-tren`);
  await settled(page);
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: `${out}/console-print.png`, fullPage: true });
  await context.close();
  console.log(`Screenshots in ${out}/console-*.png`);
} finally {
  await browser.close();
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
}
