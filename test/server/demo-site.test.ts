import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startMeetingServer, type MeetingServer } from '../../server/app.js';
import { demoInvites, demoMediaFrom, demoSite, type DemoSite } from '../../server/demo.js';
import { silentLog } from '../../server/log.js';
import { sampleMeeting } from '../../server/sample-cell.js';
import { SqliteEventStore } from '../../server/sqlite-event-store.js';
import { SECRET } from '../helpers/server.js';

describe('the demo portal', () => {
  const dir = mkdtempSync(join(tmpdir(), 'party-demo-'));
  const store = new SqliteEventStore(join(dir, 'events.sqlite'));
  const meeting = sampleMeeting('2026-11-23T08:00:00.000Z');
  let server: MeetingServer;
  before(async () => {
    const site = await demoSite(meeting);
    server = await startMeetingServer({ store, secret: SECRET, port: 0, log: silentLog, meetings: [meeting], http: (req, res) => site.handle(req, res) });
    site.setInvites(await demoInvites(meeting, server.tokens, server.url));
  });
  after(async () => {
    await server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const [path, type, text] of [
    ['/', 'text/html', 'Chi bộ VNPT Văn Yên'],
    ['/nghe-an', 'text/html', 'BÁO NGHỆ AN'],
    ['/portal.css', 'text/css', '--party-accent'],
    ['/demo.js', 'text/javascript', 'party-meeting-room'],
    ['/invites', 'text/html', 'Hoàng Văn Minh'],
    ['/cap-tren', 'text/html', '<pilot-report'],
  ] as const) {
    it(`serves ${path} as UTF-8 under a strict Content-Security-Policy`, async () => {
      const res = await fetch(`${server.url}${path}`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), `${type}; charset=utf-8`);
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'self'/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
      assert.ok((await res.text()).includes(text));
    });
  }

  it('lists one invite per member and delegate, each a token for that person', async () => {
    const page = await (await fetch(`${server.url}/invites`)).text();
    const links = [...page.matchAll(/href="([^"]*\/\?invite=[^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    assert.equal(links.length, 9);
    const claims = await Promise.all(links.map((l) => server.tokens.verify(decodeURIComponent(new URL(l).searchParams.get('invite')!))));
    assert.deepEqual(claims.map((c) => c.role).sort(), ['chair', 'delegate', 'member', 'member', 'member', 'member', 'member', 'member', 'member']);
  });

  it('answers 404 for anything else, and /healthz', async () => {
    assert.equal((await fetch(`${server.url}/nothing`)).status, 404);
    assert.equal(await (await fetch(`${server.url}/healthz`)).text(), 'ok\n');
  });
});

describe('the demo portal’s media layer (DEMO_MEDIA, DEMO_MEDIA_URL)', () => {
  it('is the mesh by default, and the room keeps its own default', async () => {
    assert.deepEqual(demoMediaFrom({}), { name: 'mesh' });
    const site = await demoSite(sampleMeeting('2026-11-23T08:00:00.000Z'));
    const page = await served(site, '/');
    assert.match(page.body, /<party-meeting-room invite[^>]*>/);
    assert.doesNotMatch(page.body, /media=/);
    assert.match(page.csp, /connect-src 'self';/);
  });

  it('gives the room Janus and lets the page connect to Janus’s address, and nothing else', async () => {
    const media = demoMediaFrom({ DEMO_MEDIA: 'janus', DEMO_MEDIA_URL: 'ws://127.0.0.1:8188' });
    const site = await demoSite(sampleMeeting('2026-11-23T08:00:00.000Z'), media);
    for (const path of ['/', '/nghe-an']) {
      const page = await served(site, path);
      assert.match(page.body, /<party-meeting-room media="janus" media-url="ws:\/\/127\.0\.0\.1:8188" invite/);
      assert.match(page.csp, /connect-src 'self' ws:\/\/127\.0\.0\.1:8188;/);
    }
  });

  it('gives the room media="none" for the procedure alone', async () => {
    const site = await demoSite(sampleMeeting('2026-11-23T08:00:00.000Z'), demoMediaFrom({ DEMO_MEDIA: 'none' }));
    assert.match((await served(site, '/')).body, /<party-meeting-room media="none" invite/);
  });

  it('refuses a wrong value with a message that says what is expected', () => {
    assert.throws(() => demoMediaFrom({ DEMO_MEDIA: 'zoom' }), /DEMO_MEDIA must be one of mesh, janus, none, not "zoom"/);
    assert.throws(() => demoMediaFrom({ DEMO_MEDIA: 'janus' }), /DEMO_MEDIA=janus needs DEMO_MEDIA_URL/);
    assert.throws(() => demoMediaFrom({ DEMO_MEDIA: 'janus', DEMO_MEDIA_URL: 'http://127.0.0.1:8188' }), /must be a ws:\/\/ or wss:\/\/ address/);
    assert.throws(() => demoMediaFrom({ DEMO_MEDIA: 'janus', DEMO_MEDIA_URL: 'not a url' }), /must be a ws:\/\/ or wss:\/\/ address/);
  });
});

/** One page of the demo site, answered by its own handler over a real HTTP server on loopback. */
async function served(site: DemoSite, path: string): Promise<{ body: string; csp: string }> {
  const server = createServer((req, res) => {
    if (!site.handle(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`);
    return { body: await res.text(), csp: res.headers.get('content-security-policy') ?? '' };
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}
