import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { Notifier, type MeetingNotice } from '../../server/notify.js';

const notice: MeetingNotice = {
  event: 'meeting-scheduled',
  meetingId: 'mtg-1',
  title: 'Sinh hoạt chi bộ tháng 12',
  scheduledAt: '2026-12-05T01:00:00.000Z',
  recipients: [{ participantId: 'a', name: 'Nguyễn Văn A', role: 'member', inviteUrl: 'https://portal.example/hop?invite=SECRET-TOKEN' }],
};

/** A portal webhook on 127.0.0.1 that answers with the statuses it is given, in turn. */
describe('the notice hook', () => {
  let server: Server;
  let url: string;
  let statuses: number[] = [];
  const received: Array<{ body: string; signature?: string }> = [];
  before(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ body, signature: req.headers['x-party-signature'] as string | undefined });
        res.writeHead(statuses.shift() ?? 200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/party`;
  });
  after(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const run = async (options: { attempts?: number; url?: string }) => {
    const lines: string[] = [];
    const ok = await new Notifier({ url: options.url ?? url, secret: 'hook-secret', attempts: options.attempts ?? 4, initialDelayMs: 20, log: (level, message, fields) => lines.push(JSON.stringify({ level, message, ...fields })) }).send(notice);
    return { ok, lines };
  };

  it('retries a failing portal with backoff until it accepts, signs the body, and logs each attempt without the invite links', async () => {
    received.length = 0;
    statuses = [503, 500, 204];
    const { ok, lines } = await run({});
    assert.equal(ok, true);
    assert.equal(received.length, 3);
    assert.deepEqual(JSON.parse(received[2]!.body), notice);
    assert.equal(received[2]!.signature, createHmac('sha256', 'hook-secret').update(received[2]!.body).digest('hex'));
    assert.deepEqual(lines.map((l) => JSON.parse(l).message), ['notice refused', 'notice refused', 'notice delivered']);
    for (const line of lines) assert.ok(!line.includes('SECRET-TOKEN'), 'no invite link in the log');
  });

  it('stops at once when the portal refuses the notice (4xx), and gives up after the last attempt on an unreachable hook', async () => {
    received.length = 0;
    statuses = [400];
    assert.equal((await run({})).ok, false);
    assert.equal(received.length, 1);
    // Nothing listens on port 9 of 127.0.0.1: every attempt fails, each is logged, then it gives up.
    const { ok, lines } = await run({ url: 'http://127.0.0.1:9/hook', attempts: 3 });
    assert.equal(ok, false);
    assert.deepEqual(lines.map((l) => JSON.parse(l).message), ['notice failed', 'notice failed', 'notice failed', 'notice given up']);
  });
});
