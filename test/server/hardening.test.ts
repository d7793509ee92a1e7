import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { WebSocket } from 'ws';
import { originAllowed } from '../../server/app.js';
import { testMeeting } from '../helpers/meeting.js';
import { TestServer } from '../helpers/server.js';
import { WsPeer } from '../helpers/ws-peer.js';

/** Opens a WebSocket with the given Origin header; resolves 'open' or the HTTP status of the refusal. */
function upgradeWith(url: string, origin?: string): Promise<'open' | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/ws`, { headers: origin ? { origin } : {} });
    ws.once('open', () => {
      ws.close();
      resolve('open');
    });
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', () => undefined);
  });
}

describe('origins allowed to open the meeting WebSocket', () => {
  it('allows the same host and clients without an Origin, and refuses other pages', async () => {
    const server = await TestServer.start();
    try {
      const own = new URL(server.url);
      assert.equal(await upgradeWith(server.url, `http://${own.host}`), 'open');
      assert.equal(await upgradeWith(server.url), 'open');
      assert.equal(await upgradeWith(server.url, 'https://attacker.invalid'), 403);
    } finally {
      await server.stop();
    }
  });

  it('allows exactly the configured portal origins', async () => {
    const server = await TestServer.start([testMeeting], { allowedOrigins: ['https://baonghean.vn'] });
    try {
      assert.equal(await upgradeWith(server.url, 'https://baonghean.vn'), 'open');
      assert.equal(await upgradeWith(server.url, `http://${new URL(server.url).host}`), 403);
    } finally {
      await server.stop();
    }
  });

  it('reads a malformed Origin as not allowed', () => {
    assert.equal(originAllowed('not a url', '127.0.0.1:8080', undefined), false);
    assert.equal(originAllowed('http://127.0.0.1:8080', '127.0.0.1:8080', undefined), true);
  });
});

describe('limits per connection and per participant, metrics and headers', () => {
  let server: TestServer;
  const peers: WsPeer[] = [];
  const join = async (id: string, role: 'chair' | 'member') => {
    const { peer } = await WsPeer.join(server.url, await server.token(id, role));
    peers.push(peer);
    return peer;
  };
  before(async () => {
    server = await TestServer.start([testMeeting], { metricsToken: 'metrics-token-for-tests' });
  });
  afterEach(async () => {
    const open = peers.splice(0);
    for (const p of open) p.close();
    await Promise.all(open.map((p) => p.closedBy().catch(() => undefined)));
  });
  after(() => server.stop());

  it('refuses a flood of messages with rate-limited, keeps the connection, and serves again after a pause', async () => {
    const member = await join('full-a', 'member');
    for (let i = 0; i < 300; i++) member.send({ type: 'ping' });
    await member.next((m) => m.type === 'reject' && m.code === 'rate-limited');
    const pongs = () => member.messages.filter((m) => m.type === 'pong').length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.ok(pongs() < 300, `only part of the flood was answered (${pongs()})`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    member.messages.length = 0;
    member.send({ type: 'ping' });
    await member.next((m) => m.type === 'pong');
    assert.equal(member.closed, undefined);
  });

  it('refuses a fifth connection of one participant, and accepts one again after another closes', async () => {
    const four = await Promise.all([1, 2, 3, 4].map(() => join('full-b', 'member')));
    const fifth = await WsPeer.open(server.url);
    peers.push(fifth);
    fifth.send({ type: 'hello', token: await server.token('full-b', 'member') });
    assert.equal((await fifth.next((m) => m.type === 'reject')).code, 'too-many-connections');
    assert.equal((await fifth.closedBy()).code, 4009);
    four[0]!.close();
    await four[0]!.closedBy();
    await waitUntil(() => (server.server.meeting(testMeeting.id)?.sessionCount('full-b') ?? 0) < 4);
    await join('full-b', 'member');
  });

  it('counts connections, commands, rejections and append latency at /metrics, behind its token', async () => {
    const chair = await join('chair', 'chair');
    chair.send({ type: 'command', id: 'm-1', command: { type: 'open-lobby' } });
    await chair.next((m) => m.id === 'm-1');
    chair.send({ type: 'command', id: 'm-2', command: { type: 'end-floor' } });
    await chair.next((m) => m.id === 'm-2');
    assert.equal((await fetch(`${server.url}/metrics`)).status, 401);
    const text = await (await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer metrics-token-for-tests' } })).text();
    assert.match(text, /^party_connections [1-9]/m);
    assert.match(text, /^party_meetings 1$/m);
    assert.match(text, /^party_commands_total\{type="open-lobby"\} 1$/m);
    assert.match(text, /^party_rejections_total\{code="[a-z-]+"\} [1-9]/m);
    assert.match(text, /^party_event_append_seconds_count [1-9]/m);
    assert.match(text, /^party_process_resident_memory_bytes \d+/m);
  });

  it('sends security headers and no stack trace', async () => {
    const health = await fetch(`${server.url}/healthz`);
    assert.equal(health.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(health.headers.get('referrer-policy'), 'no-referrer');
    const missing = await fetch(`${server.url}/nothing-here`);
    assert.equal(missing.status, 404);
    assert.doesNotMatch(await missing.text(), /at .*\.ts:\d+/);
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
