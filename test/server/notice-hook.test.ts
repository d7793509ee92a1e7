/**
 * The notice hook wired to the REST API (issue 7's Notifier, issue 8): when a
 * meeting is scheduled, and when delegates are assigned, the portal's webhook
 * is told whom to notify, in the background, never delaying the HTTP answer.
 * A real receiver on 127.0.0.1; the API in process, then server/main.ts as a
 * child process configured by NOTICE_WEBHOOK_URL and NOTICE_WEBHOOK_SECRET
 * (and its report writer: a meeting closed over the WebSocket is in the report).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { AdminTokens } from '../../server/api/index.js';
import type { MeetingNotice } from '../../server/notify.js';
import { Notifier } from '../../server/notify.js';
import { ApiTestServer } from '../helpers/api.js';
import { WsPeer } from '../helpers/ws-peer.js';

interface Received {
  readonly notice: MeetingNotice;
  readonly signature: string | undefined;
  readonly body: string;
}

/** A portal's webhook on 127.0.0.1 that answers after `delayMs` and keeps what it received. */
async function receiver(delayMs: number): Promise<{ url: string; server: Server; received: Received[]; next: () => Promise<Received> }> {
  const received: Received[] = [];
  const waiting: Array<(r: Received) => void> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const entry = { notice: JSON.parse(body) as MeetingNotice, signature: req.headers['x-party-signature'] as string | undefined, body };
      received.push(entry);
      waiting.shift()?.(entry);
      setTimeout(() => res.writeHead(204).end(), delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  let taken = 0;
  const next = () =>
    new Promise<Received>((resolve, reject) => {
      if (received.length > taken) return resolve(received[taken++]!);
      const timer = setTimeout(() => reject(new Error('no notice within 10 s')), 10_000);
      waiting.push((r) => {
        clearTimeout(timer);
        taken++;
        resolve(r);
      });
    });
  return { url: `http://127.0.0.1:${port}/notices`, server, received, next };
}

const roster = ['id,name,status,attached_elsewhere', 'm1,Bí thư Hoàng,full,', 'm2,Đảng viên Lan,full,', 'm3,Đảng viên Minh,probationary,', 'm4,Đảng viên Tạm,full,x'].join('\n');
const hybrid = (cellId: string, id: string) => ({
  id,
  cellId,
  title: 'Sinh hoạt chi bộ tháng 4',
  scheduledAt: '2026-04-10T19:30:00+07:00',
  mode: 'hybrid',
  chairId: 'm1',
  delegates: [{ id: 'son', name: 'Đặng Văn Sơn', organization: 'Đảng ủy Khối' }],
});

describe('the notice hook through the REST API (in process)', () => {
  let api: ApiTestServer;
  let hook: Awaited<ReturnType<typeof receiver>>;
  before(async () => {
    hook = await receiver(1500);
    const notifier = new Notifier({ url: hook.url, secret: 'portal-webhook-secret', log: () => {}, initialDelayMs: 50 });
    api = await ApiTestServer.start({ notify: (notice) => notifier.send(notice) });
    assert.equal((await api.request('POST', '/api/cells', { json: { id: 'cb-notice', name: 'Chi bộ Thông báo', parentId: 'duk', cannotMeetInPerson: ['m2', 'm3', 'm4'] } })).status, 201);
    const imported = await api.request('PUT', '/api/cells/cb-notice/roster', { body: roster, contentType: 'text/csv' });
    assert.equal(imported.status, 200, imported.text);
  });
  after(async () => {
    await api.stop();
    await new Promise<void>((resolve) => hook.server.close(() => resolve()));
  });

  it('answers the scheduling request at once, then tells the webhook the members and delegates with working invite links, signed', async () => {
    const started = performance.now();
    const answer = await api.request('POST', '/api/meetings', { json: hybrid('cb-notice', 'hop-thong-bao') });
    const elapsed = performance.now() - started;
    assert.equal(answer.status, 201, answer.text);
    assert.ok(elapsed < 1000, `the answer took ${elapsed.toFixed(0)} ms; the webhook takes 1500 ms to answer`);
    const { notice, signature, body } = await hook.next();
    assert.equal(signature, createHmac('sha256', 'portal-webhook-secret').update(body).digest('hex'));
    assert.deepEqual([notice.event, notice.meetingId, notice.title, notice.scheduledAt, notice.mode], ['meeting-scheduled', 'hop-thong-bao', 'Sinh hoạt chi bộ tháng 4', '2026-04-10T19:30:00+07:00', 'hybrid']);
    assert.deepEqual(
      notice.recipients.map((r) => [r.participantId, r.name, r.role]),
      [
        ['m1', 'Bí thư Hoàng', 'member'],
        ['m2', 'Đảng viên Lan', 'member'],
        ['m3', 'Đảng viên Minh', 'member'],
        ['son', 'Đặng Văn Sơn', 'delegate'],
      ],
      'members attending another cell are not notified here',
    );
    const token = new URL(notice.recipients[3]!.inviteUrl!).searchParams.get('invite')!;
    const { peer, welcome } = await WsPeer.join(api.url, token);
    assert.deepEqual(welcome['you'], { participantId: 'son', role: 'delegate', name: 'Đặng Văn Sơn' });
    peer.close();
  });

  it('tells the webhook of the delegates assigned later, and only of them', async () => {
    const answer = await api.request('POST', '/api/meetings/hop-thong-bao/delegates', {
      json: { delegates: [{ id: 'son', name: 'Đặng Văn Sơn' }, { id: 'hoa', name: 'Lê Thị Hoa', bridgePointId: 'duk' }], bridgePoints: [{ id: 'duk', name: 'Điểm cầu Đảng ủy Khối' }] },
    });
    assert.equal(answer.status, 200, answer.text);
    const { notice } = await hook.next();
    assert.equal(notice.event, 'delegates-assigned');
    assert.deepEqual(notice.recipients.map((r) => [r.participantId, r.role]), [['hoa', 'delegate']]);
    assert.match(notice.recipients[0]!.inviteUrl!, /\?invite=/);
  });
});

/** A free port on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('server/main.ts with NOTICE_WEBHOOK_URL: the hook and the report writer wired', () => {
  const secret = 'main-test-secret-that-is-long-enough-1234';
  let hook: Awaited<ReturnType<typeof receiver>>;
  let dir: string;
  let child: ReturnType<typeof spawn>;
  let base: string;
  const output: string[] = [];

  before(async () => {
    hook = await receiver(0);
    dir = mkdtempSync(join(tmpdir(), 'party-main-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: fileURLToPath(new URL('../../', import.meta.url)),
      env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dir, PARTY_JWT_SECRET: secret, NOTICE_WEBHOOK_URL: hook.url, NOTICE_WEBHOOK_SECRET: 'hook-secret', DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.setEncoding('utf8').on('data', (c: string) => output.push(c));
    child.stderr!.setEncoding('utf8').on('data', (c: string) => output.push(c));
    const deadline = Date.now() + 20_000;
    for (;;) {
      try {
        if ((await fetch(`${base}/healthz`)).status === 200) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`server/main.ts did not start:\n${output.join('')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  });
  after(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await new Promise<void>((resolve) => hook.server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends the signed notice on scheduling, and writes the report line when the meeting closes', async () => {
    const token = await new AdminTokens(secret).sign({ subject: 'portal' });
    const request = async (method: string, path: string, body?: string, type = 'application/json') => {
      const res = await fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': type } : {}) }, ...(body ? { body } : {}) });
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    };
    assert.equal((await request('POST', '/api/cells', JSON.stringify({ id: 'cb-main', name: 'Chi bộ Main', parentId: 'duk', cannotMeetInPerson: ['m2', 'm3', 'm4'] }))).status, 201);
    assert.equal((await request('PUT', '/api/cells/cb-main/roster', roster, 'text/csv')).status, 200);
    const scheduledAt = new Date().toISOString();
    const scheduled = await request('POST', '/api/meetings', JSON.stringify({ ...hybrid('cb-main', 'hop-main'), scheduledAt }));
    assert.equal(scheduled.status, 201, JSON.stringify(scheduled.json));
    const { notice, signature, body } = await hook.next();
    assert.equal(notice.meetingId, 'hop-main');
    assert.equal(signature, createHmac('sha256', 'hook-secret').update(body).digest('hex'));
    assert.equal(notice.recipients.length, 4);

    const invites = await request('POST', '/api/meetings/hop-main/invites', JSON.stringify({ participantIds: ['m1'] }));
    const chairToken = (invites.json['invites'] as Array<{ token: string }>)[0]!.token;
    const { peer } = await WsPeer.join(base, chairToken);
    for (const [id, command] of [
      ['1', { type: 'open-meeting' }],
      ['2', { type: 'mark-attendance', memberId: 'm2', mark: 'present-online' }],
      ['3', { type: 'mark-attendance', memberId: 'm3', mark: 'absent-without-reason' }],
      ['4', { type: 'close-meeting' }],
    ] as const) {
      peer.send({ type: 'command', id, command });
      const reply = await peer.next((m) => (m.type === 'ack' || m.type === 'reject') && m.id === id);
      assert.equal(reply.type, 'ack', JSON.stringify(reply));
    }
    peer.close();
    const year = Number(new Date(Date.parse(scheduledAt) + 7 * 3600_000).toISOString().slice(0, 4));
    const deadline = Date.now() + 5000;
    let meetings: Array<Record<string, unknown>> = [];
    while (meetings.length === 0 && Date.now() < deadline) {
      meetings = (await request('GET', `/api/reports/pilot?year=${year}&unit=cb-main`)).json['meetings'] as Array<Record<string, unknown>>;
      if (meetings.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(meetings.length, 1, output.join(''));
    assert.deepEqual([meetings[0]!['meetingId'], meetings[0]!['present'], meetings[0]!['absentWithoutReason']], ['hop-main', 1, 1]);
  });
});
