/** The upper level's yearly pilot report: GET /api/reports/pilot (JSON, or one table as CSV). */
import { badField } from '../errors.js';
import { nowIso, readQuery, requireUnitInScope, type Handler } from '../context.js';
import { pilotCsv } from '../pilot-csv.js';
import { pilotReport } from '../pilot-report.js';
import { PilotReportQuery } from '../schemas.js';

/**
 * GET /api/reports/pilot?year=&unit=&format=&table=&lang=: per cell, per held
 * meeting and per member, for the units the token may see, aggregated in SQL
 * from the lines written when each meeting closed.
 */
export const getPilotReport: Handler = async (ctx) => {
  const query = readQuery(ctx, PilotReportQuery);
  const csv = query.format === 'csv';
  if (csv && query.table === undefined) throw badField('table', 'Name the table to export: cells, meetings or members.', 'invalid-query');
  if (!csv && (query.table !== undefined || query.lang !== undefined)) {
    throw badField(query.table !== undefined ? 'table' : 'lang', 'Only with format=csv.', 'invalid-query');
  }
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
  return { status: 200, json: report };
};
