/**
 * Fan-out benchmark: how long from the chair's command until every one of N
 * connected clients has the event, against the floor of a bare `ws` broadcast
 * of a message of the same size. Server and floor run as child processes on
 * 127.0.0.1; the clients run here. Prints the figures.
 *
 *   node --import tsx bench/fanout.ts [clients=500] [commands=40]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { sampleMeeting } from '../server/sample-cell.js';
import { JoinTokens } from '../server/tokens.js';

const CLIENTS = Number(process.argv[2] ?? 500);
const COMMANDS = Number(process.argv[3] ?? 40);
const SECRET = 'bench-secret-bench-secret-bench-secret';

function start(command: string, args: string[], env: Record<string, string>, ready: RegExp): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${args.join(' ')} did not start: ${out}`)), 20_000);
    const onData = (data: Buffer) => {
      out += data.toString();
      const match = out.match(ready);
      if (match) {
        clearTimeout(timer);
        resolve({ child, line: match[0] });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
  });
}

const open = (url: string) =>
  new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;
const summary = (ms: number[]) => `p50 ${percentile(ms, 50).toFixed(2)} ms, p95 ${percentile(ms, 95).toFixed(2)} ms`;

/** Sends `COMMANDS` rounds; each round resolves when all receivers got a message for which `matches` holds. */
async function rounds(receivers: WebSocket[], sendOne: (i: number) => void, matches: (text: string, i: number) => boolean): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < COMMANDS; i++) {
    let left = receivers.length;
    const t0 = performance.now();
    await new Promise<void>((resolve) => {
      const listeners = receivers.map((ws) => {
        const listener = (data: Buffer) => {
          if (!matches(data.toString(), i)) return;
          ws.off('message', listener);
          if (--left === 0) resolve();
        };
        ws.on('message', listener);
        return listener;
      });
      void listeners;
      sendOne(i);
    });
    times.push(performance.now() - t0);
  }
  return times;
}

const dir = mkdtempSync(join(tmpdir(), 'party-bench-'));
const children: ChildProcess[] = [];
try {
  // The meeting server with the sample cell.
  const server = await start(process.execPath, ['--import', 'tsx', 'server/main.ts', '--demo'], { PORT: '0', DATA_DIR: dir, PARTY_JWT_SECRET: SECRET }, /"url":"(http:\/\/127\.0\.0\.1:\d+)"/);
  children.push(server.child);
  const base = server.line.match(/http:\/\/127\.0\.0\.1:\d+/)![0];
  const meeting = sampleMeeting(new Date().toISOString());
  const tokens = new JoinTokens(SECRET);
  const people = meeting.cell.members.slice(1).map((m) => m.id);
  const memberTokens = await Promise.all(people.map((id) => tokens.sign({ meetingId: meeting.id, participantId: id, role: 'member' })));
  const wsUrl = `${base.replace('http', 'ws')}/ws`;

  const receivers: WebSocket[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const ws = await open(wsUrl);
    ws.send(JSON.stringify({ type: 'hello', token: memberTokens[i % memberTokens.length] }));
    await new Promise<void>((resolve) => ws.once('message', () => resolve()));
    receivers.push(ws);
  }
  const chair = await open(wsUrl);
  chair.send(JSON.stringify({ type: 'hello', token: await tokens.sign({ meetingId: meeting.id, participantId: meeting.chairId, role: 'chair' }) }));
  await new Promise<void>((resolve) => chair.once('message', () => resolve()));
  chair.send(JSON.stringify({ type: 'command', id: 'open', command: { type: 'open-meeting' } }));
  await new Promise((r) => setTimeout(r, 500));

  const marks = ['present-online', 'absent-without-reason'] as const;
  let sample = '';
  const product = await rounds(
    receivers,
    (i) => chair.send(JSON.stringify({ type: 'command', id: `c${i}`, command: { type: 'mark-attendance', memberId: people[i % people.length], mark: marks[i % 2] } })),
    (text, i) => {
      if (!text.includes('"attendance-marked"') || !text.includes(`"${people[i % people.length]}","mark":"${marks[i % 2]}"`)) return false;
      sample = text;
      return true;
    },
  );
  for (const ws of [...receivers, chair]) ws.terminate();

  // The floor: a bare ws broadcast of a message of the same size.
  const raw = await start(process.execPath, ['bench/raw-broadcast-server.mjs'], {}, /\{"port":(\d+)\}/);
  children.push(raw.child);
  const rawUrl = `ws://127.0.0.1:${JSON.parse(raw.line).port}`;
  const rawReceivers = await Promise.all(Array.from({ length: CLIENTS }, () => open(rawUrl)));
  const sender = await open(rawUrl);
  const floor = await rounds(
    rawReceivers,
    (i) => sender.send(JSON.stringify({ round: i, pad: 'x'.repeat(Math.max(0, sample.length - 30)) })),
    (text, i) => text.startsWith(`{"round":${i},`),
  );
  for (const ws of [...rawReceivers, sender]) ws.terminate();

  console.log(`fan-out to ${CLIENTS} clients, ${COMMANDS} commands, event of ${sample.length} bytes`);
  console.log(`  meeting server (decide, durable append, ack, broadcast): ${summary(product)}`);
  console.log(`  bare ws broadcast floor:                                 ${summary(floor)}`);
  console.log(`  ratio of medians: ${(percentile(product, 50) / percentile(floor, 50)).toFixed(2)}`);
} finally {
  for (const child of children) child.kill();
  rmSync(dir, { recursive: true, force: true });
}
