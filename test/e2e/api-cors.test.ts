/**
 * CORS on the REST API in a real browser (issue 8): Debian's Chromium on a
 * portal page of another origin calls the API as the console elements do
 * (PartyApiClient: the admin token in the Authorization header, no
 * credentials), so the browser sends a preflight first. The page of an allowed
 * origin reads the answer; a page of any other origin gets nothing. The HTTP
 * details are in test/server/api-cors.test.ts.
 *
 * Run: node --import tsx --test test/e2e/api-cors.test.ts
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ApiTestServer } from '../helpers/api.js';
import { CHROMIUM_ARGS, freePort } from './helpers.js';

describe('the REST API called from a portal page of another origin (Chromium)', { timeout: 60_000 }, () => {
  let api: ApiTestServer;
  let portal: Server;
  let port = 0;
  let browser: Browser;
  let token = '';

  before(async () => {
    port = await freePort();
    // The portal: one empty page, on 127.0.0.1 (allowed) and on localhost (the same server under another origin, not allowed).
    portal = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>Cổng thông tin</title>'));
    await new Promise<void>((resolve) => portal.listen(port, '127.0.0.1', resolve));
    api = await ApiTestServer.start({ allowedOrigins: [`http://127.0.0.1:${port}`] });
    token = await api.admin();
    const created = await api.request('POST', '/api/cells', { json: { id: 'cb-cors', name: 'Chi bộ CORS', parentId: 'duk' } });
    assert.equal(created.status, 201, created.text);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    await api?.stop();
    await new Promise<void>((resolve) => (portal ? portal.close(() => resolve()) : resolve()));
  });

  /** What the page gets from GET /api/cells (with the token: a preflight first), or the error the browser gives. */
  async function listCellsFrom(page: Page): Promise<{ ok: true; status: number; ids: string[] } | { ok: false; error: string }> {
    return page.evaluate(
      async ({ url, token }) => {
        try {
          const response = await fetch(`${url}/api/cells`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' }, credentials: 'omit', cache: 'no-store' });
          const body = (await response.json()) as { cells: Array<{ id: string }> };
          return { ok: true as const, status: response.status, ids: body.cells.map((c) => c.id) };
        } catch (error) {
          return { ok: false as const, error: String(error) };
        }
      },
      { url: api.url, token },
    );
  }

  it('a page of an allowed origin reads the API’s answer', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    const answer = await listCellsFrom(page);
    assert.deepEqual(answer, { ok: true, status: 200, ids: ['cb-cors'] });
  });

  it('a page of another origin gets nothing: the browser refuses after the preflight', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`http://localhost:${port}/`);
    const answer = await listCellsFrom(page);
    assert.equal(answer.ok, false, JSON.stringify(answer));
    assert.match((answer as { error: string }).error, /TypeError: Failed to fetch/);
  });
});
