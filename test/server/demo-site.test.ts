import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startMeetingServer, type MeetingServer } from '../../server/app.js';
import { demoInvites, demoSite } from '../../server/demo.js';
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
