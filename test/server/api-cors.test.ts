/**
 * CORS on the REST API over real HTTP (issue 8): a portal on another origin
 * may call the API from its pages only when it is one of the server's allowed
 * origins (ALLOWED_ORIGINS). The browser side of the same rule is in
 * test/e2e/api-cors.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiTestServer } from '../helpers/api.js';

const PORTAL = 'https://baonghean.vn';
const OTHER = 'https://evil.example';

let api: ApiTestServer;
let plain: ApiTestServer;
before(async () => {
  api = await ApiTestServer.start({ allowedOrigins: [PORTAL, 'https://portal.yenbai.gov.vn'] });
  plain = await ApiTestServer.start();
});
after(async () => {
  await api.stop();
  await plain.stop();
});

const preflight = (server: ApiTestServer, path: string, origin: string, method = 'POST') =>
  fetch(`${server.url}${path}`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'authorization, content-type' },
  });

describe('CORS on the REST API', () => {
  it('answers a preflight from an allowed origin with 204, the path’s methods and the headers the API reads', async () => {
    const answer = await preflight(api, '/api/meetings', PORTAL);
    assert.equal(answer.status, 204);
    assert.equal(await answer.text(), '');
    assert.equal(answer.headers.get('access-control-allow-origin'), PORTAL);
    assert.equal(answer.headers.get('access-control-allow-methods'), 'POST, GET');
    assert.equal(answer.headers.get('access-control-allow-headers'), 'authorization, content-type');
    assert.equal(answer.headers.get('access-control-max-age'), '600');
    assert.equal(answer.headers.get('access-control-allow-credentials'), null, 'never credentials: the token is a header');
    assert.match(answer.headers.get('vary') ?? '', /Origin/);
    const withIds = await preflight(api, '/api/meetings/hop-1/delegates/dang-van-son', 'https://portal.yenbai.gov.vn', 'DELETE');
    assert.deepEqual([withIds.status, withIds.headers.get('access-control-allow-methods')], [204, 'DELETE']);
  });

  it('refuses a preflight from any other origin (403, no CORS header), and one for a path the API does not have (404)', async () => {
    for (const origin of [OTHER, 'https://baonghean.vn.evil.example', 'http://baonghean.vn', 'null']) {
      const answer = await preflight(api, '/api/meetings', origin);
      assert.equal(answer.status, 403, origin);
      assert.equal(answer.headers.get('access-control-allow-origin'), null, origin);
      assert.equal(((await answer.json()) as { code: string }).code, 'forbidden');
    }
    const unknown = await preflight(api, '/api/nothing', PORTAL);
    assert.equal(unknown.status, 404);
  });

  it('gives an allowed origin’s answers (errors too) the origin back and the headers a page may read; other origins none', async () => {
    const token = await api.admin();
    const listed = await fetch(`${api.url}/api/cells`, { headers: { origin: PORTAL, authorization: `Bearer ${token}` } });
    assert.equal(listed.status, 200);
    assert.equal(listed.headers.get('access-control-allow-origin'), PORTAL);
    assert.equal(listed.headers.get('access-control-expose-headers'), 'location, content-disposition');
    const refused = await fetch(`${api.url}/api/cells`, { headers: { origin: PORTAL } });
    assert.equal(refused.status, 401);
    assert.equal(refused.headers.get('access-control-allow-origin'), PORTAL, 'the page can read why');
    const other = await fetch(`${api.url}/api/cells`, { headers: { origin: OTHER, authorization: `Bearer ${token}` } });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    assert.match(other.headers.get('vary') ?? '', /Origin/, 'caches keep answers apart by origin');
    const sameOrigin = await fetch(`${api.url}/api/cells`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(sameOrigin.headers.get('access-control-allow-origin'), null, 'no Origin, no CORS header');
  });

  it('without allowed origins (the default), no origin gets CORS headers and every preflight is refused', async () => {
    const answer = await preflight(plain, '/api/meetings', PORTAL);
    assert.equal(answer.status, 403);
    assert.equal(answer.headers.get('access-control-allow-origin'), null);
    const listed = await fetch(`${plain.url}/api/cells`, { headers: { origin: PORTAL, authorization: `Bearer ${await plain.admin()}` } });
    assert.equal(listed.status, 200);
    assert.equal(listed.headers.get('access-control-allow-origin'), null);
    assert.equal(listed.headers.get('vary'), null);
  });

  it('a plain OPTIONS (no preflight) is answered 405 with the methods, as before', async () => {
    const answer = await fetch(`${api.url}/api/meetings`, { method: 'OPTIONS' });
    assert.equal(answer.status, 405);
    assert.equal(answer.headers.get('allow'), 'POST, GET');
  });
});
