/**
 * Load benchmark (issue 7, "Tests and benchmarks"). The real server
 * (server/main.ts) runs as a child process with generated meetings from
 * MEETINGS_FILE; every client runs in this one process, each with its own
 * member's join token; everything is on 127.0.0.1. Prints, with targets:
 *
 *  1. 500 members in one meeting: fan-out latency from the chair's command to
 *     the last client receiving the event, against a bare `ws` broadcast and
 *     y-websocket sending a message of the same size to 500 clients
 *     (interleaved in blocks, so a change in the machine's load hits all three);
 *  2. idle server CPU with those 500 connected (heartbeats on);
 *  3. a 500-ballot vote storm: ack latency of every ballot;
 *  4. 5,000 members in 200 meetings of 25: server RSS and fan-out latency;
 *  5. event-append throughput, durable, on SQLite and PostgreSQL.
 *
 *   node --import tsx bench/load.ts [sections…]    sections: big many append (default: all)
 *
 * BENCH_MEMBERS (500) sets the size of the one big meeting (smaller for a quick try).
 * BENCH_SERVER_ARGS adds Node flags to the server process
 * (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildProcess } from 'node:child_process';
import type { Choice, MeetingDefinition } from '../src/core/index.js';
import { JoinTokens } from '../server/tokens.js';
import { SqliteEventStore } from '../server/sqlite-event-store.js';
import { startPostgres } from '../test/helpers/postgres.js';
import { appendThroughput, BATCH, CONCURRENT, CONCURRENT_BATCHES, type AppendFigures } from './load/append.js';
import { fanOutRound, MeetingConnection, RawConnection, Refused, type Watchable } from './load/clients.js';
import { cpuMs, freePort, loadAverage, rssBytes, start, stop } from './load/processes.js';
import { inBatches, latencySummary, mib, ms, percentile, verdict } from './load/stats.js';
import { YjsConnection } from './load/yjs-clients.js';

const BIG = Number(process.env.BENCH_MEMBERS ?? 500);
const ROUNDS = 100;
const WARMUP = 10;
const BLOCK = 10;
const MEETINGS = 200;
const PER_MEETING = 25;
const IDLE_SECONDS = 10;
const TIME_LIMIT_MS = 8 * 60_000;
const SECRET = 'load-bench-secret-load-bench-secret-load-bench';
const TARGET = { fanOutP99: 15, stormP99: 100, idleCpu: 2, rss: 2 ** 30, sqlite: 5_000, postgres: 20_000 };

const root = fileURLToPath(new URL('..', import.meta.url));
const sections = new Set(process.argv.slice(2).length ? process.argv.slice(2) : ['big', 'many', 'append']);
const tokens = new JoinTokens(SECRET);
const work = mkdtempSync(join(tmpdir(), 'party-load-'));
const children = new Set<ChildProcess>();
const cleanups: (() => void | Promise<void>)[] = [];
// y-websocket adds a process 'exit' listener per provider.
process.setMaxListeners(0);

const memberId = (i: number) => `m${String(i).padStart(3, '0')}`;
const say = (text: string) => console.log(text);

/** A meeting of `size` members, the first of them chairing. */
function meetingOf(id: string, size: number): MeetingDefinition {
  return {
    id,
    title: `Sinh hoạt chi bộ ${id}`,
    cell: { id: `cell-${id}`, name: `Chi bộ ${id}`, members: Array.from({ length: size }, (_, i) => ({ id: memberId(i), name: `Đảng viên ${i}`, status: 'full' as const })) },
    chairId: memberId(0),
    delegates: [],
    scheduledAt: new Date().toISOString(),
    mode: 'online',
  };
}

/** Starts server/main.ts on a fresh data folder with `meetings`; resolves with its process and WebSocket address. */
async function startServer(name: string, meetings: readonly MeetingDefinition[]): Promise<{ child: ChildProcess; ws: string }> {
  const dir = join(work, name);
  const meetingsFile = join(work, `${name}.json`);
  writeFileSync(meetingsFile, JSON.stringify(meetings));
  const extra = process.env.BENCH_SERVER_ARGS?.split(' ').filter(Boolean) ?? [];
  const { child, match } = await start(
    process.execPath,
    [...extra, '--import', 'tsx', join(root, 'server/main.ts')],
    { HOST: '127.0.0.1', PORT: '0', DATA_DIR: dir, PARTY_JWT_SECRET: SECRET, MEETINGS_FILE: meetingsFile },
    /"message":"listening".*?"url":"http:\/\/(127\.0\.0\.1:\d+)"/,
    120_000,
  );
  children.add(child);
  return { child, ws: `ws://${match[1]}/ws` };
}

async function stopChild(child: ChildProcess): Promise<void> {
  await stop(child);
  children.delete(child);
}

/** Connects every member of `meeting` (the chair first), at most `parallel` handshakes at a time. */
async function connectMembers(url: string, meeting: MeetingDefinition, parallel = 50): Promise<MeetingConnection[]> {
  return inBatches(meeting.cell.members, parallel, async (member) => {
    const token = await tokens.sign({ meetingId: meeting.id, participantId: member.id, role: member.id === meeting.chairId ? 'chair' : 'member' }, '2h');
    return MeetingConnection.connect(url, member.id, token);
  });
}

/** Sends a command, retrying after a pause while the connection is rate-limited. */
async function commandWithRetry(connection: MeetingConnection, command: Parameters<MeetingConnection['command']>[0]): Promise<number> {
  for (;;) {
    try {
      return await connection.command(command);
    } catch (error) {
      if (!(error instanceof Refused) || error.code !== 'rate-limited') throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

const sleep = (msecs: number) => new Promise((resolve) => setTimeout(resolve, msecs));

/** One system of the interleaved fan-out comparison. */
interface FanOutSystem {
  readonly name: string;
  readonly receivers: readonly Watchable[];
  /** Starts round `round`; the promise (if any) rejects when the sender was refused. */
  send(round: number): Promise<unknown> | void;
  matches(text: string, round: number): boolean;
  readonly times: number[];
  /** The server process, whose CPU time per round is measured too (less sensitive to the machine's load than latency). */
  readonly pid: number;
  cpuMs: number;
  /** This process's CPU time (the 500 clients receiving). */
  clientCpuMs: number;
}

/** One fan-out round of `system`, returning its latency. */
const roundOf = (system: FanOutSystem, round: number) => fanOutRound(system.receivers, (text) => system.matches(text, round), () => system.send(round));

/** Sections 1–3: one meeting of 500 members. */
async function bigMeeting(): Promise<void> {
  const meeting = meetingOf('load-500', BIG);
  const server = await startServer('big', [meeting]);
  let t0 = performance.now();
  const members = await connectMembers(server.ws, meeting);
  cleanups.push(() => members.forEach((m) => m.close()));
  const chair = members[0]!;
  const receivers = members.slice(1);
  say(`  ${BIG} members connected in ${(performance.now() - t0).toFixed(0)} ms; server RSS ${mib(rssBytes(server.child.pid!))}`);
  await fanOutRound(receivers, (text) => text.includes('"meeting-opened"'), () => chair.command({ type: 'open-meeting' }));

  // The comparison servers and their 500 clients (one of them sends, the other 499 receive).
  const raw = await start(process.execPath, [join(root, 'bench/raw-broadcast-server.mjs')], {}, /\{"port":(\d+)\}/);
  children.add(raw.child);
  const rawClients = await inBatches(Array.from({ length: BIG }), 50, () => RawConnection.connect(`ws://127.0.0.1:${raw.match[1]}`));
  cleanups.push(() => rawClients.forEach((c) => c.close()));
  const yPort = await freePort();
  const y = await start(process.execPath, [join(root, 'node_modules/@y/websocket-server/src/server.js')], { HOST: '127.0.0.1', PORT: String(yPort) }, /running at/);
  children.add(y.child);
  const yClients = await inBatches(Array.from({ length: BIG }), 50, () => YjsConnection.connect(`ws://127.0.0.1:${yPort}`));
  cleanups.push(() => yClients.forEach((c) => c.close()));

  let sample = '';
  let rawPad = '';
  let yPad = '';
  let yUpdateBytes = 0;
  const ours: FanOutSystem = {
    name: 'this server (decide, durable SQLite append, per-role projection, broadcast)',
    receivers,
    send: (round) => chair.command({ type: 'mark-attendance', memberId: memberId(round + 1), mark: 'present-online' }),
    matches: (text, round) => {
      if (!text.includes(`"memberId":"${memberId(round + 1)}"`) || !text.includes('"attendance-marked"')) return false;
      sample ||= text;
      return true;
    },
    times: [],
    pid: server.child.pid!,
    cpuMs: 0,
    clientCpuMs: 0,
  };
  const rawSystem: FanOutSystem = {
    name: 'bare ws broadcast (bench/raw-broadcast-server.mjs)',
    receivers: rawClients.slice(1),
    send: (round) => {
      const head = `{"round":${round},"pad":"`;
      rawPad ||= 'x'.repeat(Math.max(0, sample.length - head.length - 6));
      rawClients[0]!.ws.send(`${head}${rawPad}"}`);
    },
    matches: (text, round) => text.startsWith(`{"round":${round},`),
    times: [],
    pid: raw.child.pid!,
    cpuMs: 0,
    clientCpuMs: 0,
  };
  const yjsSystem: FanOutSystem = {
    name: 'y-websocket (@y/websocket-server 0.1.1, yjs 13)',
    receivers: yClients.slice(1),
    send: (round) => {
      const head = `${round}:`;
      if (!yPad) {
        // The update's overhead beyond the value, from a probe: pad so the update is as long as our event message.
        const overhead = yClients[0]!.set('');
        yPad = 'x'.repeat(Math.max(0, sample.length - overhead - 6));
      }
      yUpdateBytes = yClients[0]!.set(`${head}${yPad}`);
    },
    matches: (text, round) => text.startsWith(`${round}:`),
    times: [],
    pid: y.child.pid!,
    cpuMs: 0,
    clientCpuMs: 0,
  };
  const systems = [ours, rawSystem, yjsSystem];
  for (let round = 0; round < WARMUP; round++) for (const system of systems) await roundOf(system, round);
  for (let block = 0; block < ROUNDS / BLOCK; block++) {
    for (const system of systems) {
      const first = WARMUP + block * BLOCK;
      const cpu0 = cpuMs(system.pid);
      const client0 = process.cpuUsage();
      for (let round = first; round < first + BLOCK; round++) system.times.push(await roundOf(system, round));
      system.cpuMs += cpuMs(system.pid) - cpu0;
      const client = process.cpuUsage(client0);
      system.clientCpuMs += (client.user + client.system) / 1000;
    }
  }
  const rawFrame = rawPad.length + `{"round":${WARMUP + ROUNDS - 1},"pad":""}`.length;
  say(`\n1. Fan-out to ${BIG} clients in one process (from the send to the last of the ${BIG - 1} others receiving), ${ROUNDS} rounds each after ${WARMUP} warm-up, interleaved in blocks of ${BLOCK}`);
  say(`   message sizes: our event ${sample.length} bytes, bare ws ${rawFrame} bytes, y-websocket update ${yUpdateBytes} bytes (+3 bytes of sync header)`);
  for (const system of systems) say(`   ${system.name}: ${latencySummary(system.times)}`);
  say(`   CPU per round (less sensitive to the machine's load than latency): ${systems.map((system) => `${system.name.split(' (')[0]}: server ${ms(system.cpuMs / ROUNDS)}, clients ${ms(system.clientCpuMs / ROUNDS)}`).join('; ')}`);
  const ourP99 = percentile(ours.times, 99);
  say(`   our p99 / bare ws p99:     ${(ourP99 / percentile(rawSystem.times, 99)).toFixed(2)}`);
  say(`   our p99 / y-websocket p99: ${(ourP99 / percentile(yjsSystem.times, 99)).toFixed(2)}`);
  say(`   target: our p99 ≤ ${TARGET.fanOutP99} ms: ${ms(ourP99)} → ${verdict(ourP99 <= TARGET.fanOutP99)}`);
  for (const c of [...rawClients, ...yClients]) c.close();
  await stopChild(raw.child);
  await stopChild(y.child);

  // The rest of the roll, spread over the chair's four connections (the most one member may hold).
  const chairToken = await tokens.sign({ meetingId: meeting.id, participantId: memberId(0), role: 'chair' }, '2h');
  const chairs = [chair, ...(await Promise.all([1, 2, 3].map(() => MeetingConnection.connect(server.ws, memberId(0), chairToken))))];
  cleanups.push(() => chairs.slice(1).forEach((c) => c.close()));
  const unmarked = [0, ...Array.from({ length: BIG - WARMUP - ROUNDS - 1 }, (_, i) => WARMUP + ROUNDS + 1 + i)];
  t0 = performance.now();
  await Promise.all(chairs.map((c, k) => Promise.all(unmarked.filter((_, i) => i % chairs.length === k).map((i) => commandWithRetry(c, { type: 'mark-attendance', memberId: memberId(i), mark: 'present-online' })))));
  say(`   (the other ${unmarked.length} members marked present through 4 chair connections in ${(performance.now() - t0).toFixed(0)} ms)`);

  // 2. Idle CPU, measured before the storm so that its garbage collection is not counted; after a pause for the roll's.
  await sleep(5000);
  const pid = server.child.pid!;
  const cpu0 = cpuMs(pid);
  t0 = performance.now();
  await sleep(IDLE_SECONDS * 1000);
  const idle = ((cpuMs(pid) - cpu0) / (performance.now() - t0)) * 100;
  say(`\n2. Idle server with ${BIG} members (+3 chair tabs) connected, heartbeat pings every 15 s, over ${IDLE_SECONDS} s`);
  say(`   server CPU (utime+stime from /proc/${pid}/stat): ${idle.toFixed(2)} % of a core; RSS ${mib(rssBytes(pid))}`);
  say(`   target: ≤ ${TARGET.idleCpu} % → ${verdict(idle <= TARGET.idleCpu)}`);

  // 3. The vote storm.
  await chair.command({ type: 'create-motion', motion: { id: 'storm', title: 'Nghị quyết tháng', ballot: 'open', threshold: 'majority', tags: ['resolution'] } });
  await chair.command({ type: 'open-vote', motionId: 'storm' });
  await sleep(1000);
  const acks: number[] = [];
  const refusals: string[] = [];
  const seen = new Map<MeetingConnection, number>();
  let everyoneAt = 0;
  const fannedOut = new Promise<void>((resolve) => {
    let complete = 0;
    for (const m of [...members, ...chairs.slice(1)]) {
      seen.set(m, 0);
      m.watch = (text) => {
        // One event per message today; a batch of events per message counts each.
        const cast = text.split('"ballot-cast"').length - 1;
        if (cast === 0) return;
        const count = seen.get(m)! + cast;
        seen.set(m, count);
        if (count === BIG && ++complete === seen.size) resolve();
      };
    }
  });
  const choice = (i: number): Choice => (i % 3 === 0 ? 'disagree' : 'agree');
  const stormCpu0 = cpuMs(server.child.pid!);
  const clientCpu0 = process.cpuUsage();
  t0 = performance.now();
  const ballots = members.map((m, i) => {
    const sentAt = performance.now();
    return m.command({ type: 'cast-ballot', motionId: 'storm', choice: choice(i) }).then(
      () => acks.push(performance.now() - sentAt),
      (error: Error) => refusals.push(`${m.participantId} ${error.message}`),
    );
  });
  const sentIn = performance.now() - t0;
  await Promise.all(ballots);
  const ackedAll = performance.now() - t0;
  const stormCpu = cpuMs(server.child.pid!) - stormCpu0;
  const clientCpu = process.cpuUsage(clientCpu0);
  if (refusals.length === 0) await Promise.race([fannedOut.then(() => (everyoneAt = performance.now() - t0)), sleep(30_000)]);
  for (const m of seen.keys()) m.watch = undefined;
  const stormP99 = percentile(acks, 99);
  say(`\n3. Vote storm: ${BIG} members cast an open ballot at once (sent within ${ms(sentIn)})`);
  if (refusals.length) say(`   REFUSED: ${refusals.length} ballots, e.g. ${refusals.slice(0, 3).join('; ')}`);
  say(`   ack latency: ${latencySummary(acks)}; last ack ${ms(ackedAll)} after the first send; server CPU ${ms(stormCpu)} for the ${BIG} ballots (${ms(stormCpu / BIG)} each), clients' CPU ${ms((clientCpu.user + clientCpu.system) / 1000)}`);
  say(`   every client had all ${BIG} ballot-cast events after ${everyoneAt ? ms(everyoneAt) : 'more than 30 s'}`);
  say(`   target: ack p99 ≤ ${TARGET.stormP99} ms: ${ms(stormP99)} → ${verdict(stormP99 <= TARGET.stormP99)}`);

  for (const c of [...members, ...chairs]) c.close();
  await stopChild(server.child);
}

/** Section 4: 5,000 members in 200 meetings of 25. */
async function manyMeetings(): Promise<void> {
  const meetings = Array.from({ length: MEETINGS }, (_, i) => meetingOf(`load-${String(i).padStart(3, '0')}`, PER_MEETING));
  let t0 = performance.now();
  const server = await startServer('many', meetings);
  const startedIn = performance.now() - t0;
  const pid = server.child.pid!;
  const rssEmpty = rssBytes(pid);
  t0 = performance.now();
  // Meetings connect a few at a time, each with its members in parallel.
  const rooms = await inBatches(meetings, 8, (meeting) => connectMembers(server.ws, meeting, PER_MEETING));
  cleanups.push(() => rooms.flat().forEach((m) => m.close()));
  const connectedIn = performance.now() - t0;
  const rssConnected = rssBytes(pid);
  await Promise.all(rooms.map((room) => room[0]!.command({ type: 'open-meeting' })));
  await sleep(500);

  const roundIn = (k: number, member: number) =>
    fanOutRound(
      rooms[k]!.slice(1),
      (text) => text.includes(`"memberId":"${memberId(member)}"`) && text.includes('"attendance-marked"'),
      () => rooms[k]![0]!.command({ type: 'mark-attendance', memberId: memberId(member), mark: 'present-online' }),
    );
  for (let k = 0; k < 20; k++) await roundIn(k, 1);
  const sequential: number[] = [];
  for (let k = 0; k < MEETINGS; k++) sequential.push(await roundIn(k, 2));
  await sleep(500);
  t0 = performance.now();
  const burst = await Promise.all(rooms.map((_, k) => roundIn(k, 3)));
  const burstAll = performance.now() - t0;
  const rssAfter = rssBytes(pid);
  const rssMax = Math.max(rssConnected, rssAfter);
  say(`\n4. ${MEETINGS * PER_MEETING} members in ${MEETINGS} meetings of ${PER_MEETING} (server started with them in ${ms(startedIn)}; all connected in ${ms(connectedIn)})`);
  say(`   server RSS: ${mib(rssEmpty)} before clients, ${mib(rssConnected)} with all connected, ${mib(rssAfter)} after the commands`);
  say(`   fan-out, one command at a time, each in another meeting (to the ${PER_MEETING - 1} other members): ${latencySummary(sequential)}`);
  say(`   fan-out, all ${MEETINGS} chairs at once (each to its meeting's last member): ${latencySummary(burst)}; all done in ${ms(burstAll)}`);
  say(`   target: RSS < 1 GiB → ${verdict(rssMax < TARGET.rss)}`);
  for (const m of rooms.flat()) m.close();
  await stopChild(server.child);
}

const perSecond = (value: number) => `${Math.round(value).toLocaleString('en-US')} events/s`;
function printAppend(name: string, figures: AppendFigures, target: number): void {
  say(`   ${name}:`);
  say(`     one event per append, one after another: ${perSecond(figures.single)}`);
  say(`     ${BATCH} events per append, one after another: ${perSecond(figures.batched)}`);
  say(`     ${CONCURRENT} single appends in flight (different meetings): ${perSecond(figures.concurrent)}`);
  say(`     ${CONCURRENT_BATCHES} appends of ${BATCH} in flight (different meetings): ${perSecond(figures.concurrentBatched)}`);
  const best = Math.max(figures.batched, figures.concurrentBatched);
  say(`     target: batched ≥ ${target.toLocaleString('en-US')}/s → ${perSecond(best)}: ${verdict(best >= target)}`);
}

/** Section 5: event-append throughput. */
async function append(): Promise<void> {
  say('\n5. Event-append throughput, durable (about 3 s per figure)');
  const sqlite = new SqliteEventStore(join(work, 'append', 'events.sqlite'));
  const lite = await appendThroughput(sqlite, 'lite');
  await sqlite.close();
  printAppend('SQLite (WAL, synchronous = FULL)', lite, TARGET.sqlite);
  const pg = await startPostgres();
  if ('skipped' in pg) {
    say(`   PostgreSQL: ${pg.skipped}`);
    return;
  }
  cleanups.push(() => pg.stop());
  const { PostgresEventStore } = await import('../server/postgres-event-store.js');
  const store = await PostgresEventStore.open({ url: pg.url, maxConnections: 20 });
  const figures = await appendThroughput(store, 'pg');
  await store.close();
  printAppend('PostgreSQL (synchronous_commit on, fsync on, pool of 20)', figures, TARGET.postgres);
}

const deadline = setTimeout(() => {
  console.error(`load benchmark: over the time limit of ${TIME_LIMIT_MS / 1000} s; stopping`);
  for (const child of children) child.kill('SIGKILL');
  process.exit(1);
}, TIME_LIMIT_MS);
let failed = false;
const began = performance.now();
try {
  say(`Load benchmark: node ${process.version}, load average ${loadAverage()} at start (2-core machine shared with other work)`);
  if (sections.has('big')) await bigMeeting();
  if (sections.has('many')) await manyMeetings();
  if (sections.has('append')) await append();
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch {
      // Best effort: the process ends next.
    }
  }
  for (const child of children) await stop(child);
  rmSync(work, { recursive: true, force: true });
  clearTimeout(deadline);
  say(`\nDone in ${((performance.now() - began) / 1000).toFixed(1)} s; load average ${loadAverage()} at the end.`);
}
process.exit(failed ? 1 : 0);
