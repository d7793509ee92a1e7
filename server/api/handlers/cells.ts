/** Cells and their rosters: POST /api/cells, GET /api/cells/{cellId}, PUT /api/cells/{cellId}/roster. */
import { importRosterCsv, importRosterJson } from '../../../src/core/index.js';
import type { CellRecord } from '../../registry-store.js';
import { mayAccess } from '../admin-tokens.js';
import { nowIso, readQuery, requireUnitInScope, type Handler, type RequestContext } from '../context.js';
import { ApiError, forbidden, notFound } from '../errors.js';
import { mediaType, readJson, readText } from '../http.js';
import { CellListQuery, CreateCellBody, parseWith } from '../schemas.js';

/** A cell as the API shows it. */
function cellView(cell: CellRecord) {
  const full = cell.members.filter((m) => m.status === 'full').length;
  return { ...cell, counts: { members: cell.members.length, full, probationary: cell.members.length - full } };
}

/** The cell `{cellId}` names, if the token may reach it: 404, then 403. */
async function cellInScope(ctx: RequestContext): Promise<CellRecord> {
  const id = ctx.params['cellId']!;
  const cell = await ctx.deps.registry.cell(id);
  if (!cell) throw notFound(`The cell ${id}`);
  if (!mayAccess(ctx.admin, [cell.id, cell.parentId])) throw forbidden(`the cell ${id}`);
  return cell;
}

/** POST /api/cells: registers a cell, with an empty roster until one is imported. */
export const createCell: Handler = async (ctx) => {
  const body = parseWith(CreateCellBody, await readJson(ctx.req));
  // An upper-level user registers cells only under a unit of theirs.
  if (!mayAccess(ctx.admin, [body.id, body.parentId])) throw forbidden(body.parentId ? `the unit ${body.parentId}` : `the cell ${body.id}`);
  const cell: CellRecord = {
    id: body.id,
    name: body.name,
    unitKind: body.unitKind ?? 'cell',
    ...(body.parentId !== undefined ? { parentId: body.parentId } : {}),
    ...(body.parentName !== undefined ? { parentName: body.parentName } : {}),
    ...(body.locality !== undefined ? { locality: body.locality } : {}),
    ...(body.hasPartyGroups !== undefined ? { hasPartyGroups: body.hasPartyGroups } : {}),
    cannotMeetInPerson: [...new Set(body.cannotMeetInPerson ?? [])],
    members: [],
    createdAt: nowIso(ctx.deps),
  };
  if (!(await ctx.deps.registry.createCell(cell))) throw new ApiError(409, 'cell-exists', `A cell ${cell.id} exists already.`, { field: 'id' });
  ctx.deps.log('info', 'cell created', { cell: cell.id, by: ctx.admin.subject });
  return { status: 201, json: { cell: cellView(cell) }, headers: { location: `/api/cells/${encodeURIComponent(cell.id)}` } };
};

/** GET /api/cells?unit=: the cells the token may see, without rosters, by name (the upper level's filters). */
export const listCells: Handler = async (ctx) => {
  const query = readQuery(ctx, CellListQuery);
  await requireUnitInScope(ctx, query.unit);
  const cells = await ctx.deps.registry.cells({
    ...(ctx.admin.units ? { units: ctx.admin.units } : {}),
    ...(query.unit !== undefined ? { unit: query.unit } : {}),
  });
  return { status: 200, json: { cells } };
};

/** GET /api/cells/{cellId} */
export const getCell: Handler = async (ctx) => ({ status: 200, json: { cell: cellView(await cellInScope(ctx)) } });

/**
 * PUT /api/cells/{cellId}/roster: replaces the roster with a CSV (text/csv) or
 * JSON file read by the core's importers. All or nothing: with any error,
 * nothing is imported and every error is reported by line and field.
 */
export const importRoster: Handler = async (ctx) => {
  const cell = await cellInScope(ctx);
  const type = mediaType(ctx.req);
  let imported;
  if (type === 'text/csv') imported = importRosterCsv(await readText(ctx.req));
  else if (type === 'application/json') imported = importRosterJson(await readText(ctx.req));
  else throw new ApiError(415, 'unsupported-media-type', 'Send the roster as text/csv or application/json.');
  if (!imported.ok) {
    const first = imported.errors[0]!;
    throw new ApiError(400, 'invalid-roster', `Line ${first.line}, ${first.field}: ${first.reason.en}`, { field: first.field, errors: imported.errors });
  }
  const importedAt = nowIso(ctx.deps);
  await ctx.deps.registry.replaceRoster(cell.id, imported.members, importedAt);
  ctx.deps.log('info', 'roster imported', { cell: cell.id, members: imported.members.length, by: ctx.admin.subject });
  return { status: 200, json: { cell: cellView({ ...cell, members: imported.members, rosterImportedAt: importedAt }) } };
};
