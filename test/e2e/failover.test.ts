/**
 * Two server processes, one PostgreSQL (issue 7 "Scale"): a meeting is owned
 * by one process at a time; clients that reach the other are redirected to
 * the owner. The owner is SIGKILLed in the middle of the meeting; the other
 * process takes the meeting over once the lease runs out, rebuilds it from
 * the log, and the clients (real MeetingClients over real WebSockets) come
 * back to it by themselves and resume: nothing acknowledged is lost, every
 * command is applied once, the log has no gap.
 *
 * Run: node --import tsx --test test/e2e/failover.test.ts
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import postgres from 'postgres';
import { WebSocket } from 'ws';
import { MeetingClient, type WebSocketLike } from '../../src/client/index.js';
import type { MeetingDefinition } from '../../src/core/index.js';
import { PostgresEventStore } from '../../server/postgres-event-store.js';
import { checkMeeting } from '../../server/record.js';
import { JoinTokens } from '../../server/tokens.js';
import { startPostgres, type TestPostgres } from '../helpers/postgres.js';
import { WsPeer } from '../helpers/ws-peer.js';
import { freePort, repoRoot, waitFor } from './helpers.js';

const SECRET = 'failover-test-secret-long-enough-for-hs256';
const LEASE_MS = 1500;
const members = Array.from({ length: 8 }, (_, i) => ({ id: `m${i + 1}`, name: `Đảng viên ${i + 1}`, status: 'full' as const }));
const meeting: MeetingDefinition = {
  id: 'failover-meeting',
  title: 'Họp khi một máy chủ hỏng',
  cell: { id: 'failover-cell', name: 'Chi bộ', members: [{ id: 'chair', name: 'Bí thư', status: 'full' }, ...members] },
  chairId: 'chair',
  delegates: [],
  scheduledAt: new Date().toISOString(),
};

interface Node {
  readonly name: string;
  readonly port: number;
  child: ChildProcess;
  readonly log: string[];
}

describe('two server processes, one PostgreSQL: the owner dies mid-meeting', () => {
  let pg: TestPostgres | { skipped: string };
  const dir = mkdtempSync(join(tmpdir(), 'failover-'));
  const nodes: Node[] = [];
  const clients: MeetingClient[] = [];
  const tokens = new JoinTokens(SECRET);

  const startNode = (name: string, port: number): Promise<Node> => {
    const log: string[] = [];
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(port),
        DATA_DIR: join(dir, name),
        PARTY_JWT_SECRET: SECRET,
        DATABASE_URL: (pg as TestPostgres).url,
        CLUSTER_WS_URL: `ws://127.0.0.1:${port}/ws`,
        LEASE_MS: String(LEASE_MS),
        MEETINGS_FILE: join(dir, 'meetings.json'),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    return new Promise((resolve, reject) => {
      child.stderr!.setEncoding('utf8').on('data', (text: string) => {
        log.push(text);
        if (text.includes('"listening"')) resolve({ name, port, child, log });
      });
      child.once('exit', (code) => reject(new Error(`${name} exited (${code}): ${log.join('')}`)));
    });
  };
  const client = async (participantId: string, role: 'chair' | 'member', port: number) => {
    const c = new MeetingClient({
      url: `ws://127.0.0.1:${port}/ws`,
      token: await tokens.sign({ meetingId: meeting.id, participantId, role }, '1h'),
      WebSocket: WebSocket as unknown as new (url: string) => WebSocketLike,
      initialBackoffMs: 100,
      maxBackoffMs: 500,
    });
    clients.push(c);
    return c;
  };

  before(async () => {
    pg = await startPostgres();
    if ('skipped' in pg) return;
    writeFileSync(join(dir, 'meetings.json'), JSON.stringify([meeting]));
    nodes.push(await startNode('a', await freePort()), await startNode('b', await freePort()));
  });
  after(() => {
    for (const c of clients) c.close();
    for (const node of nodes) if (node.child.exitCode === null) node.child.kill('SIGKILL');
    if ('stop' in pg) pg.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('redirects to the owner, takes over after it dies, and loses nothing acknowledged', async (t) => {
    if ('skipped' in pg) return t.skip(pg.skipped);
    const [a, b] = nodes as [Node, Node];
    // The first client reaches A: A takes the meeting.
    const first = await WsPeer.join(`http://127.0.0.1:${a.port}`, await tokens.sign({ meetingId: meeting.id, participantId: 'm1', role: 'member' }, '1h'));
    first.peer.close();
    // Everyone else comes in through B (as through a load balancer) and is sent on to A.
    const chair = await client('chair', 'chair', b.port);
    const voters = await Promise.all(members.map((m) => client(m.id, 'member', b.port)));
    const everyone = [chair, ...voters];
    await waitFor('everyone welcomed by the owner', () => everyone.forEach((c) => assert.equal(c.getSnapshot().status, 'connected')), 10_000);
    assert.ok(a.log.join('').includes('"meeting taken"'), 'A took the meeting');
    assert.ok(!b.log.join('').includes('"meeting taken"'), 'B redirected instead of taking it');

    await chair.send({ type: 'open-meeting' });
    // The chair marks the roll, one command after another, without waiting; A dies partway.
    const marks = members.flatMap((m, i) => [m.id, m.id].map((id, j) => ({ id, mark: (i + j) % 2 ? 'absent-with-reason' : 'present-online' }) as const));
    const acked = new Map<number, number>();
    // One command every 60 ms, so the crash after the third acknowledgement surely falls within the roll call.
    const sent = marks.map(
      (m, i) =>
        new Promise<number>((resolve, reject) => {
          setTimeout(() => {
            chair.send({ type: 'mark-attendance', memberId: m.id, mark: m.mark, ...(m.mark === 'absent-with-reason' ? { reason: 'Ốm' } : {}) }).then((seq) => {
              acked.set(i, seq);
              resolve(seq);
            }, reject);
          }, i * 60);
        }),
    );
    await waitFor('part of the roll acknowledged', () => assert.ok(acked.size >= 3), 10_000, 2);
    a.child.kill('SIGKILL');
    const ackedBeforeCrash = new Map(acked);
    assert.ok(ackedBeforeCrash.size < marks.length, 'the owner died in the middle of the roll call');

    // Every command is acknowledged in the end, by B.
    const seqs = await Promise.all(sent);
    assert.equal(new Set(seqs).size, marks.length, 'each command has its own event');
    assert.ok(b.log.join('').includes('"meeting taken"'), 'B took the meeting over');
    await waitFor('everyone back and caught up', () => {
      const lastSeq = chair.getSnapshot().seq;
      for (const c of everyone) {
        assert.equal(c.getSnapshot().status, 'connected');
        assert.equal(c.getSnapshot().seq, lastSeq);
      }
    }, 15_000);

    // The record: no gap, everything valid, and each acknowledged mark where its ack said.
    const store = await PostgresEventStore.open({ url: (pg as TestPostgres).url });
    assert.deepEqual(await checkMeeting(store, meeting.id), []);
    const log = await store.read(meeting.id);
    for (const [i, seq] of ackedBeforeCrash) {
      const event = log.find((e) => e.seq === seq)?.event as { type: string; memberId?: string; mark?: string };
      assert.deepEqual([event.type, event.memberId, event.mark], ['attendance-marked', marks[i]!.id, marks[i]!.mark], `mark #${i} acknowledged at ${seq}`);
    }
    assert.equal(log.filter((e) => e.event.type === 'attendance-marked').length, marks.length, 'no command applied twice');
    await store.close();
    const sql = postgres((pg as TestPostgres).url, { onnotice: () => {} });
    const [owner] = await sql<{ url: string }[]>`SELECT url FROM meeting_owners WHERE meeting_id = ${meeting.id}`;
    await sql.end();
    assert.equal(owner?.url, `ws://127.0.0.1:${b.port}/ws`);
  });
});
