/**
 * Pilot-report benchmark (issue 8): a province of 2,000 cells × 12 held
 * meetings, with rosters, the registry's online meetings, delegates'
 * assessments and every member's attendance line, in SQLite and in PostgreSQL
 * (a throw-away cluster on 127.0.0.1, test/helpers/postgres.ts); then the
 * year's aggregates the report runs (per cell, per meeting, per member, and
 * the whole report put together) for the province and for one upper-level
 * unit. Target: under 1 s each, on each store. Wall-clock medians; for
 * SQLite (in this process) the CPU time too, which other work on a shared
 * machine does not inflate; the load average is printed with them.
 *
 *   node --import tsx bench/report.ts [cells=2000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import {
  DEFAULT_ASSESSMENT_FRAME,
  meetingReport,
  replay,
  resolvePolicy,
  type AttendanceMark,
  type MeetingDefinition,
  type MeetingMode,
  type Member,
} from '../src/core/index.js';
import { SUMMARY_ABOVE_ROWS, summaryOf } from '../server/api/handlers/reports.js';
import { pilotReport } from '../server/api/pilot-report.js';
import { PostgresRegistryStore } from '../server/postgres-registry-store.js';
import type { CellRecord, MeetingReportEntry, RegistryStore, ReportQuery } from '../server/registry-store.js';
import { SqliteRegistryStore } from '../server/sqlite-registry-store.js';
import { startPostgres } from '../test/helpers/postgres.js';

const CELLS = Number(process.argv[2] ?? 2000);
const MEETINGS_PER_CELL = 12;
const PARENTS = Math.max(1, Math.round(CELLS / 50));
const YEAR = 2026;
const RUNS = 5;
const TARGET_MS = 1000;

/** A small deterministic generator, so that both stores get the same province. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Province {
  readonly cells: CellRecord[];
  /** Per cell, its 12 meetings' definitions (months 1–12), with the online ones marked. */
  readonly meetings: Array<{ definition: MeetingDefinition; parentId: string; online: boolean }>;
}

function province(): Province {
  const random = prng(2026);
  const cells: CellRecord[] = [];
  const meetings: Province['meetings'] = [];
  for (let c = 0; c < CELLS; c++) {
    const size = 8 + ((c * 7) % 23); // 8–30 members, about 19 on average (DOMAIN.md: 8 to 63)
    const members: Member[] = Array.from({ length: size }, (_, i) => ({
      id: `c${c}-m${i}`,
      name: `Đảng viên ${i + 1} chi bộ ${c + 1}`,
      status: i % 9 === 8 ? 'probationary' : 'full',
      ...(i === size - 1 && c % 5 === 0 ? { flags: { exempt: true } } : {}),
    }));
    const parentId = `dang-bo-${c % PARENTS}`;
    const cell: CellRecord = {
      id: `chi-bo-${c}`,
      name: `Chi bộ ${c + 1}`,
      unitKind: c % 40 === 0 ? 'base-committee' : 'cell',
      parentId,
      parentName: `Đảng bộ ${c % PARENTS}`,
      cannotMeetInPerson: members.slice(0, Math.ceil(size * 0.6)).map((m) => m.id),
      members,
      createdAt: `${YEAR}-01-02T00:00:00.000Z`,
    };
    cells.push(cell);
    for (let month = 1; month <= MEETINGS_PER_CELL; month++) {
      // Online or hybrid in months 2, 6 and 10 (HD 03's 3 a year for a cell), in person otherwise.
      const online = month % 4 === 2 && (cell.unitKind === 'cell' || month === 2);
      const mode: MeetingMode = online ? (random() < 0.3 ? 'online' : 'hybrid') : 'in-person';
      const scheduledAt = `${YEAR}-${String(month).padStart(2, '0')}-${String(5 + (c % 20)).padStart(2, '0')}T12:30:00.000Z`;
      meetings.push({
        online,
        parentId,
        definition: {
          id: `hop-${c}-${month}`,
          title: `Sinh hoạt chi bộ tháng ${month}`,
          cell: { id: cell.id, name: cell.name, parentName: cell.parentName!, unitKind: cell.unitKind, members },
          chairId: members[0]!.id,
          delegates: online ? [{ id: `dai-bieu-${c % PARENTS}`, name: 'Đại biểu Đảng ủy Khối' }] : [],
          scheduledAt,
          mode,
          ...(mode === 'in-person' ? { bridgePoints: [{ id: 'phong', name: 'Phòng họp', main: true }] } : {}),
        },
      });
    }
  }
  return { cells, meetings };
}

/** The report line of a held meeting: a roll drawn at random, opened at the scheduled time, 80–130 minutes long. */
function reportLine(definition: MeetingDefinition, parentId: string, random: () => number): MeetingReportEntry {
  const attendance: Record<string, { mark: AttendanceMark; markedAt: string; markedBy: string }> = {};
  for (const m of definition.cell.members) {
    const r = random();
    const mark: AttendanceMark | undefined = m.flags?.exempt
      ? 'exempt'
      : r < 0.82
        ? definition.mode === 'in-person' || r < 0.4
          ? 'present-in-person'
          : 'present-online'
        : r < 0.92
          ? 'absent-with-reason'
          : r < 0.985
            ? 'absent-without-reason'
            : undefined;
    if (mark) attendance[m.id] = { mark, markedAt: definition.scheduledAt, markedBy: definition.chairId };
  }
  const openedAt = definition.scheduledAt;
  const closedAt = new Date(Date.parse(openedAt) + (80 + Math.floor(random() * 50)) * 60_000).toISOString();
  const state = { ...replay([{ type: 'meeting-created', at: openedAt, meeting: definition }]), phase: 'closed' as const, openedAt, closedAt, attendance };
  return { ...meetingReport(state), cellName: definition.cell.name, parentId };
}

const ms = (start: number) => performance.now() - start;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Loads the province into a store; returns the seconds each part took. */
async function load(store: RegistryStore, data: Province): Promise<Record<string, number>> {
  const times: Record<string, number> = {};
  let t = performance.now();
  for (const cell of data.cells) await store.createCell(cell);
  times['cells'] = ms(t) / 1000;

  t = performance.now();
  const policy = resolvePolicy();
  await Promise.all(
    Array.from({ length: 8 }, async (_, worker) => {
      for (let i = worker; i < data.meetings.length; i += 8) {
        const { definition, parentId, online } = data.meetings[i]!;
        if (!online) continue;
        const result = await store.scheduleMeeting(
          {
            id: definition.id,
            cellId: definition.cell.id,
            parentId,
            title: definition.title,
            scheduledAt: definition.scheduledAt,
            kind: 'regular',
            mode: definition.mode!,
            definition,
            createdAt: `${YEAR}-01-02T00:00:00.000Z`,
          },
          policy.onlineMeetingsPerYear[definition.cell.unitKind ?? 'cell'],
        );
        if (!result.ok) throw new Error(`${definition.id}: ${JSON.stringify(result)}`);
      }
    }),
  );
  times['online meetings registered'] = ms(t) / 1000;

  t = performance.now();
  const random = prng(42);
  for (let i = 0; i < data.meetings.length; i += 1000) {
    await store.recordMeetingReports(data.meetings.slice(i, i + 1000).map((m) => reportLine(m.definition, m.parentId, random)));
  }
  times['report lines'] = ms(t) / 1000;

  t = performance.now();
  const scored = data.meetings.filter((m) => m.online);
  await Promise.all(
    Array.from({ length: 8 }, async (_, worker) => {
      for (let i = worker; i < scored.length; i += 8) {
        const { definition } = scored[i]!;
        await store.recordAssessment({
          meetingId: definition.id,
          delegateId: definition.delegates[0]!.id,
          strengths: 'Chuẩn bị chu đáo',
          limitations: 'Đường truyền chập chờn',
          lessons: 'Kiểm tra kỹ thuật trước',
          score: 55 + (i % 45),
          recordedAt: `${YEAR}-12-01T00:00:00.000Z`,
          recordedBy: 'bench',
        });
      }
    }),
  );
  times['assessments'] = ms(t) / 1000;
  return times;
}

interface Timing {
  readonly scope: string;
  readonly cells: number;
  readonly meetings: number;
  readonly members: number;
  readonly full: number;
  /** CPU time of this process for the three queries (SQLite runs in it; PostgreSQL's own work is not counted). */
  readonly cpu: number;
  readonly rows: string;
}

/** CPU milliseconds of this process since `start`. */
const cpuMs = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

/** Times each aggregate and the whole report for one scope: the median of RUNS runs after a warm-up. */
async function time(store: RegistryStore, scope: string, query: ReportQuery): Promise<Timing> {
  const samples = { cells: [] as number[], meetings: [] as number[], members: [] as number[], full: [] as number[], cpu: [] as number[] };
  let rows = '';
  for (let run = 0; run <= RUNS; run++) {
    const cpu = process.cpuUsage();
    let t = performance.now();
    const cells = await store.reportCells(query);
    const cellsMs = ms(t);
    t = performance.now();
    const meetings = await store.reportMeetings(query);
    const meetingsMs = ms(t);
    t = performance.now();
    const members = await store.reportMembers(query);
    const membersMs = ms(t);
    const cpuUsed = cpuMs(cpu);
    t = performance.now();
    const [c, m, p] = await Promise.all([store.reportCells(query), store.reportMeetings(query), store.reportMembers(query)]);
    const report = pilotReport({ cells: c, meetings: m, members: p }, { year: YEAR, generatedAt: new Date().toISOString(), policy: resolvePolicy(), frame: DEFAULT_ASSESSMENT_FRAME });
    const json = JSON.stringify(report);
    const fullMs = ms(t);
    if (run === 0) {
      // What <pilot-report> asks (detail=auto): the whole report up to SUMMARY_ABOVE_ROWS rows, else the summary.
      const auto = meetings.length + members.length > SUMMARY_ABOVE_ROWS ? JSON.stringify(summaryOf(report)) : json;
      const mb = (text: string) => `${(Buffer.byteLength(text) / 1e6).toFixed(text.length > 100_000 ? 1 : 3)} MB`;
      rows = `${cells.length} cells, ${meetings.length} meetings, ${members.length} members; JSON ${mb(json)}, as the element asks it (detail=auto) ${mb(auto)}`;
      continue; // warm-up
    }
    samples.cells.push(cellsMs);
    samples.meetings.push(meetingsMs);
    samples.members.push(membersMs);
    samples.full.push(fullMs);
    samples.cpu.push(cpuUsed);
  }
  return { scope, cells: median(samples.cells), meetings: median(samples.meetings), members: median(samples.members), full: median(samples.full), cpu: median(samples.cpu), rows };
}

function print(store: string, timings: Timing[]): void {
  for (const t of timings) {
    const ok = Math.max(t.cells, t.meetings, t.members) < TARGET_MS ? 'ok' : 'OVER TARGET';
    console.log(
      `  ${store.padEnd(10)} ${t.scope.padEnd(26)} cells ${t.cells.toFixed(0).padStart(5)} ms   meetings ${t.meetings.toFixed(0).padStart(5)} ms   members ${t.members
        .toFixed(0)
        .padStart(5)} ms   (CPU here ${t.cpu.toFixed(0).padStart(5)} ms)   whole report as JSON ${t.full.toFixed(0).padStart(5)} ms   [${t.rows}] ${ok}`,
    );
  }
}

async function bench(name: string, store: RegistryStore, data: Province): Promise<Timing[]> {
  const loaded = await load(store, data);
  console.log(`${name}: loaded in ${Object.entries(loaded).map(([k, s]) => `${k} ${s.toFixed(1)} s`).join(', ')}`);
  const parent = data.cells[0]!.parentId!;
  return [
    await time(store, `province, year ${YEAR}`, { year: YEAR }),
    await time(store, `one unit (${parent})`, { year: YEAR, unit: parent }),
    await time(store, `scoped token (${parent})`, { year: YEAR, units: [parent] }),
    await time(store, `one cell (${data.cells[1]!.id})`, { year: YEAR, unit: data.cells[1]!.id }),
  ];
}

const data = province();
const attendanceRows = data.meetings.reduce((n, m) => n + m.definition.cell.members.length, 0);
console.log(`Pilot report: ${CELLS} cells under ${PARENTS} units × ${MEETINGS_PER_CELL} meetings = ${data.meetings.length} meetings, ${attendanceRows} attendance lines; median of ${RUNS} runs\n`);

const results: Array<[string, Timing[]]> = [];
const dir = mkdtempSync(join(tmpdir(), 'party-bench-report-'));
try {
  const sqlite = new SqliteRegistryStore(join(dir, 'registry.sqlite'));
  results.push(['SQLite', await bench('SQLite', sqlite, data)]);
  await sqlite.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const pg = await startPostgres();
if ('skipped' in pg) {
  console.log(`PostgreSQL ${pg.skipped}`);
} else {
  try {
    // A throw-away cluster: commits need not wait for the disk while loading (the queries timed do not write).
    const admin = postgres(pg.url, { max: 1, onnotice: () => {} });
    await admin`ALTER SYSTEM SET synchronous_commit = off`;
    await admin`SELECT pg_reload_conf()`;
    const store = await PostgresRegistryStore.open({ url: pg.url, maxConnections: 8 });
    const timings = await bench('PostgreSQL', store, data).then(async (t) => t);
    await admin`ANALYZE`;
    results.push(['PostgreSQL', [...timings, ...(await Promise.all([time(store, `province, year ${YEAR} (analyzed)`, { year: YEAR })]))]]);
    await store.close();
    await admin.end({ timeout: 1 });
  } finally {
    pg.stop();
  }
}

console.log(`\nYear aggregates (median; load average now ${loadavg().map((l) => l.toFixed(1)).join(' ')} on this machine):`);
for (const [store, timings] of results) print(store, timings);
const worst = Math.max(...results.flatMap(([, ts]) => ts.map((t) => Math.max(t.cells, t.meetings, t.members))));
console.log(`\nSlowest aggregate query: ${worst.toFixed(0)} ms (target < ${TARGET_MS} ms) ${worst < TARGET_MS ? 'ok' : 'OVER TARGET'}`);
