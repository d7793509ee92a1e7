/**
 * Fault (issue 7): 50 members vote at once through real MeetingClients over
 * real WebSockets; the server process is SIGKILLed in the middle of the vote
 * and started again on the same log. The clients reconnect and resend by
 * themselves. Every acknowledged ballot is in the record, nobody is counted
 * twice, and every member's ballot ends up counted exactly once.
 *
 * Run: node --import tsx --test test/e2e/vote-crash.test.ts
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { WebSocket } from 'ws';
import { MeetingClient, type WebSocketLike } from '../../src/client/index.js';
import type { Choice, MeetingDefinition } from '../../src/core/index.js';
import { SqliteEventStore } from '../../server/sqlite-event-store.js';
import { JoinTokens } from '../../server/tokens.js';
import { freePort, repoRoot, waitFor } from './helpers.js';

const VOTERS = 50;
const SECRET = 'vote-crash-test-secret-long-enough-for-hs256';
const members = Array.from({ length: VOTERS }, (_, i) => ({ id: `m${String(i + 1).padStart(2, '0')}`, name: `Đảng viên ${i + 1}`, status: 'full' as const }));
const meeting: MeetingDefinition = {
  id: 'crash-meeting',
  title: 'Biểu quyết khi máy chủ sập',
  cell: { id: 'crash-cell', name: 'Chi bộ lớn', members: [{ id: 'chair', name: 'Bí thư', status: 'full' }, ...members] },
  chairId: 'chair',
  delegates: [],
  scheduledAt: new Date().toISOString(),
};
const choiceOf = (i: number): Choice => (['agree', 'agree', 'disagree', 'other'] as const)[i % 4]!;

function startServer(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: repoRoot, env: { ...process.env, HOST: '127.0.0.1', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    // The server logs one JSON line per entry on stderr; "listening" comes once the port is open.
    child.stderr!.setEncoding('utf8').on('data', (text: string) => text.includes('"listening"') && resolve(child));
    child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
  });
}

describe('kill -9 during a vote with 50 members voting', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vote-crash-'));
  let env: Record<string, string>;
  let server: ChildProcess | undefined;
  const clients: MeetingClient[] = [];
  const tokens = new JoinTokens(SECRET);
  const connect = async (participantId: string, role: 'chair' | 'member') => {
    const client = new MeetingClient({
      url: `ws://127.0.0.1:${env.PORT}/ws`,
      token: await tokens.sign({ meetingId: meeting.id, participantId, role }, '1h'),
      WebSocket: WebSocket as unknown as new (url: string) => WebSocketLike,
      initialBackoffMs: 100,
      maxBackoffMs: 400,
    });
    clients.push(client);
    await waitFor(`${participantId} connected`, () => assert.equal(client.getSnapshot().status, 'connected'), 10_000);
    return client;
  };

  before(async () => {
    const meetingFile = join(dir, 'meeting.json');
    writeFileSync(meetingFile, JSON.stringify([meeting]));
    env = { PORT: String(await freePort()), DATA_DIR: dir, PARTY_JWT_SECRET: SECRET, MEETINGS_FILE: meetingFile };
    server = await startServer(env);
  });
  after(() => {
    for (const client of clients) client.close();
    if (server?.exitCode === null) server.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged ballot, counts nobody twice, and lets every client finish by itself', async () => {
    const chair = await connect('chair', 'chair');
    await chair.send({ type: 'open-meeting' });
    for (const { id } of members) await chair.send({ type: 'mark-attendance', memberId: id, mark: 'present-online' });
    await chair.send({ type: 'create-motion', motion: { id: 'nq', title: 'Nghị quyết tháng 11', ballot: 'open', threshold: 'majority', tags: ['resolution'] } });
    await chair.send({ type: 'open-vote', motionId: 'nq' });
    const voters = await Promise.all(members.map(({ id }) => connect(id, 'member')));

    // Ballots spread over ~600 ms; the server dies about a third of the way in.
    const acked = new Map<string, number>();
    const ballots = voters.map(
      (client, i) =>
        new Promise<number>((resolve, reject) => {
          setTimeout(() => {
            client.send({ type: 'cast-ballot', motionId: 'nq', choice: choiceOf(i) }).then((seq) => {
              acked.set(members[i]!.id, seq);
              resolve(seq);
            }, reject);
          }, (i * 600) / VOTERS);
        }),
    );
    await waitFor('some ballots acknowledged', () => assert.ok(acked.size >= 10), 10_000, 5);
    const ackedBeforeCrash = new Map(acked);
    server!.kill('SIGKILL');
    await new Promise((resolve) => server!.once('exit', resolve));
    assert.ok(ackedBeforeCrash.size < VOTERS, `the crash came in the middle of the vote (${ackedBeforeCrash.size} acknowledged before it)`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    server = await startServer(env);

    // Every client resends what was not acknowledged, with the same command id, and finishes by itself.
    const seqs = await Promise.all(ballots);
    assert.equal(seqs.length, VOTERS);
    await waitFor('every client caught up', () => {
      for (const client of voters) assert.equal(Object.keys(client.getSnapshot().meeting!.motions[0]!.votes).length, VOTERS);
    }, 10_000);

    // The record, read from the SQLite file itself after the server stops.
    server.kill('SIGKILL');
    await new Promise((resolve) => server!.once('exit', resolve));
    const store = new SqliteEventStore(join(dir, 'events.sqlite'));
    const log = await store.read(meeting.id);
    await store.close();
    const cast = log.filter((e) => e.event.type === 'ballot-cast');
    assert.equal(cast.length, VOTERS, 'one ballot per member, none twice');
    assert.equal(new Set(cast.map((e) => (e.event as { voterId: string }).voterId)).size, VOTERS);
    for (const [voterId, seq] of ackedBeforeCrash) {
      const event = log.find((e) => e.seq === seq)?.event as { type: string; voterId?: string } | undefined;
      assert.deepEqual([event?.type, event?.voterId], ['ballot-cast', voterId], `the ballot acknowledged to ${voterId} before the crash is in the record at ${seq}`);
    }
    for (const [i, { id }] of members.entries()) {
      const event = cast.find((e) => (e.event as { voterId: string }).voterId === id)!.event as { choice?: Choice };
      assert.equal(event.choice, choiceOf(i), `${id}'s choice`);
    }
  });
});
