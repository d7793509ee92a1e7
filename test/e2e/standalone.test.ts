/**
 * The self-contained build (`dist/standalone/party-meeting.js`, lit included,
 * the other elements as chunks beside it) on a plain page under the strictest
 * Content-Security-Policy a portal would set: one `<script type="module">`, no
 * import map, no inline script. The room connects to the real server and
 * every part of the default layout upgrades.
 *
 * Needs `npm run build` first (`npm test` builds before it runs the tests).
 * Run: node --import tsx --test test/e2e/standalone.test.ts
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { startMeetingServer, type MeetingServer } from '../../server/app.js';
import { sampleMeeting } from '../../server/sample-cell.js';
import { SqliteEventStore } from '../../server/sqlite-event-store.js';
import { CHROMIUM_ARGS, repoRoot, waitFor } from './helpers.js';

const STANDALONE = join(repoRoot, 'dist', 'standalone');
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'";
const PARTS = ['lobby-gate', 'attendance-roll', 'speaker-queue', 'vote-panel', 'agenda-runner', 'meeting-documents', 'meeting-minutes'];

describe('the standalone build on a strict-CSP page', () => {
  let dir: string;
  let server: MeetingServer;
  let browser: Browser;
  const scripts: string[] = [];

  before(async () => {
    assert.ok(existsSync(join(STANDALONE, 'party-meeting.js')), 'dist/standalone/party-meeting.js is missing: run `npm run build` first');
    dir = mkdtempSync(join(tmpdir(), 'standalone-'));
    const meeting = sampleMeeting(new Date().toISOString());
    server = await startMeetingServer({
      store: new SqliteEventStore(join(dir, 'events.sqlite')),
      secret: 'standalone-test-secret-long-enough-for-hs256',
      meetings: [meeting],
      log: () => {},
      http: async (req, res) => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        if (url.pathname === '/favicon.ico') {
          res.writeHead(204).end();
          return true;
        }
        if (url.pathname === '/') {
          const token = await server.tokens.sign({ meetingId: meeting.id, participantId: meeting.chairId, role: 'chair' }, '1h');
          const page = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Cổng thông tin</title>
<script type="module" src="/sdk/party-meeting.js"></script>
<h1>Tin tức</h1><party-meeting-room token="${token}"></party-meeting-room>`;
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP }).end(page);
          return true;
        }
        if (url.pathname.startsWith('/sdk/')) {
          const file = normalize(join(STANDALONE, url.pathname.slice('/sdk/'.length)));
          if (!file.startsWith(STANDALONE) || !existsSync(file)) return false;
          scripts.push(url.pathname);
          res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(readFileSync(file));
          return true;
        }
        return false;
      },
    });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('connects with one script tag, breaks no CSP rule, and loads every part of the meeting', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${new URL(r.url()).pathname}`));
    await page.goto(server.url);
    await waitFor('the room connected', async () => {
      assert.equal(await page.locator('party-meeting-room [data-connection]').getAttribute('data-connection'), 'connected');
    }, 10_000);
    await waitFor('every part of the default layout defined', async () => {
      const undefinedParts = await page.evaluate((tags) => tags.filter((t) => !customElements.get(t)), PARTS);
      assert.deepEqual(undefinedParts, []);
    });
    // The chair's controls of an upgraded part render inside it.
    await waitFor('the roll renders inside the room', async () => {
      const text = await page.locator('party-meeting-room').evaluate((room) => room.shadowRoot?.querySelector('attendance-roll')?.shadowRoot?.textContent ?? '');
      assert.match(text, /Điểm danh/);
    });
    assert.deepEqual(problems, [], 'no console error and no CSP violation');
    assert.ok(scripts.some((s) => s.includes('/chunks/')), 'the other elements came as chunks');
    await page.close();
  });
});
