/** The upper level's yearly pilot report: GET /api/reports/pilot (JSON, or one table as CSV). */
import { badField } from '../errors.js';
import { nowIso, readQuery, requireUnitInScope, type Handler } from '../context.js';
import { pilotCsv } from '../pilot-csv.js';
import { pilotReport } from '../pilot-report.js';
import type { PilotReport } from '../../../src/client/api-types.js';
import { PilotReportQuery } from '../schemas.js';

/**
 * Rows (meetings + members) above which `detail=auto` answers a summary: a
 * province's whole year (2,000 cells) made 70.7 MB of JSON with every row;
 * a parent unit's dozen cells stay well under this and get everything.
 */
export const SUMMARY_ABOVE_ROWS = 3000;

/**
 * GET /api/reports/pilot?year=&unit=&format=&table=&lang=&detail=: per cell,
 * per held meeting and per member, for the units the token may see, aggregated
 * in SQL from the lines written when each meeting closed. `detail=summary`
 * (or `auto` above SUMMARY_ABOVE_ROWS rows) keeps every cell and month but
 * only the short meetings and the warned members, with the scope's totals.
 */
export const getPilotReport: Handler = async (ctx) => {
  const query = readQuery(ctx, PilotReportQuery);
  const csv = query.format === 'csv';
  if (csv && query.table === undefined) throw badField('table', 'Name the table to export: cells, meetings or members.', 'invalid-query');
  if (!csv && (query.table !== undefined || query.lang !== undefined)) {
    throw badField(query.table !== undefined ? 'table' : 'lang', 'Only with format=csv.', 'invalid-query');
  }
  if (csv && query.detail !== undefined) throw badField('detail', 'A CSV is always a whole table.', 'invalid-query');
  await requireUnitInScope(ctx, query.unit);
  const scope = {
    year: query.year,
    ...(ctx.admin.units ? { units: ctx.admin.units } : {}),
    ...(query.unit !== undefined ? { unit: query.unit } : {}),
  };
  const { registry } = ctx.deps;
  // A CSV reads only its own table.
  const need = { cells: !csv || query.table === 'cells', meetings: !csv || query.table === 'meetings', members: !csv || query.table === 'members' };
  const [cells, meetings, members] = await Promise.all([
    need.cells ? registry.reportCells(scope) : [],
    need.meetings ? registry.reportMeetings(scope) : [],
    need.members ? registry.reportMembers(scope) : [],
  ]);
  const report = pilotReport(
    { cells, meetings, members },
    { year: query.year, ...(query.unit !== undefined ? { unit: query.unit } : {}), generatedAt: nowIso(ctx.deps), policy: ctx.deps.policy, frame: ctx.deps.frame },
  );
  if (csv) {
    const table = query.table!;
    const unit = query.unit !== undefined ? `-${query.unit}` : '';
    return { status: 200, csv: pilotCsv(report, table, query.lang ?? 'vi'), filename: `bao-cao-thi-diem-${query.year}${unit}-${table}.csv` };
  }
  const detail = query.detail ?? 'full';
  const summarize = detail === 'summary' || (detail === 'auto' && report.meetings.length + report.members.length > SUMMARY_ABOVE_ROWS);
  return { status: 200, json: summarize ? summaryOf(report) : { ...report, detail: 'full' } };
};

/** At most this many short meetings and warned members in a summary (the rest are counted in `totals` and read per unit). */
export const SUMMARY_LIST_LIMIT = 300;

const LEVEL_ORDER: Record<string, number> = { 'removal-review': 0, warning: 1, none: 2 };

/**
 * The report with only its short meetings (the shortest against their
 * minimum first) and warned members (a removal review first; without their
 * months), each at most `limit`, and the scope's totals.
 */
export function summaryOf(report: PilotReport, limit = SUMMARY_LIST_LIMIT): PilotReport {
  const share = (m: PilotReport['meetings'][number]) => m.durationMinutes / Math.max(1, m.requiredMinutes);
  const short = report.meetings.filter((m) => !m.durationMet);
  const warned = report.members.filter((m) => m.level !== 'none');
  return {
    ...report,
    meetings: [...short].sort((a, b) => share(a) - share(b)).slice(0, limit),
    // The warning's own words and months stay; the month-by-month attendance is read per unit.
    members: [...warned]
      .sort((a, b) => LEVEL_ORDER[a.level]! - LEVEL_ORDER[b.level]!)
      .slice(0, limit)
      .map((m) => ({ ...m, months: [] })),
    detail: 'summary',
    totals: {
      meetings: report.meetings.length,
      members: report.members.length,
      membersCounted: report.meetings.reduce((sum, m) => sum + m.membersCounted, 0),
      present: report.meetings.reduce((sum, m) => sum + m.present, 0),
      short: short.length,
      warned: warned.length,
    },
  };
}
