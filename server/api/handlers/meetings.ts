/** Scheduling meetings with the HD 03 checks, and the upper level's schedule registry: POST and GET /api/meetings. */
import { randomUUID } from 'node:crypto';
import { vietnamYear, isOnline, type CellRecord, type ScheduledMeeting } from '../../registry-store.js';
import type { MeetingHost } from '../../meeting-host.js';
import { mayAccess } from '../admin-tokens.js';
import { invitationRole, type MeetingDefinition } from '../../../src/core/index.js';
import type { MeetingNotice } from '../../notify.js';
import { nowIso, type ApiDeps, type Handler, type RequestContext } from '../context.js';
import { everyone, inviteExpiry, signInvites } from './invites.js';
import { ApiError, badField, forbidden } from '../errors.js';
import { readJson } from '../http.js';
import { meetingDefinition } from '../meeting-definition.js';
import { checkScheduling, type SchedulingVerdict } from '../scheduling.js';
import { MeetingListQuery, parseWith, ScheduleMeetingBody } from '../schemas.js';

/** Meetings listed at most, when the query names no limit. */
const DEFAULT_LIST_LIMIT = 500;

/** A scheduled meeting as the registry lists it, with its phase when it runs here. */
export function meetingView(entry: ScheduledMeeting, host: MeetingHost | undefined) {
  const d = entry.definition;
  return {
    id: entry.id,
    cellId: entry.cellId,
    cellName: d.cell.name,
    ...(entry.parentId !== undefined ? { parentId: entry.parentId } : {}),
    ...(d.cell.parentName !== undefined ? { parentName: d.cell.parentName } : {}),
    title: entry.title,
    scheduledAt: entry.scheduledAt,
    kind: entry.kind,
    mode: entry.mode,
    chairId: d.chairId,
    delegates: delegatesOf(host?.state ?? d),
    bridgePoints: host?.state.bridgePoints ?? d.bridgePoints ?? [],
    documents: d.documents ?? [],
    ...(host ? { phase: host.state.phase } : {}),
    createdAt: entry.createdAt,
  };
}

/** The delegates of a meeting, each with the bridge point they attend from when seated at one. */
export function delegatesOf(meeting: MeetingDefinition) {
  return meeting.delegates.map((d) => {
    const point = meeting.seating?.[d.id];
    return point !== undefined ? { ...d, bridgePointId: point } : d;
  });
}

const refusal = (verdict: SchedulingVerdict) =>
  new ApiError(422, 'scheduling-refused', verdict.refused.map((r) => r.en).join(' '), { reasons: verdict.refused, checks: verdict.checks });

/** A scheduling request read, checked against the cell, with the verdict for a count of the year's online meetings. */
async function prepare(ctx: RequestContext) {
  const { registry, policy } = ctx.deps;
  const body = parseWith(ScheduleMeetingBody, await readJson(ctx.req));
  const cell: CellRecord | undefined = await registry.cell(body.cellId);
  if (!cell) throw badField('cellId', `There is no cell ${body.cellId}.`);
  if (!mayAccess(ctx.admin, [cell.id, cell.parentId])) throw forbidden(`the cell ${cell.id}`);
  if (cell.members.length === 0) throw new ApiError(409, 'roster-empty', `The cell ${cell.id} has no roster yet; import one first.`);
  const id = body.id ?? `m-${randomUUID()}`;
  const definition = meetingDefinition(id, body, cell, ctx.deps.policyOverrides);
  const year = vietnamYear(body.scheduledAt);
  const verdictFor = (onlineThisYear: number) =>
    checkScheduling({
      unitKind: cell.unitKind,
      members: cell.members,
      ...(cell.hasPartyGroups !== undefined ? { hasPartyGroups: cell.hasPartyGroups } : {}),
      cannotMeetInPerson: new Set(body.cannotMeetInPerson ?? cell.cannotMeetInPerson),
      mode: body.mode,
      scheduledAt: body.scheduledAt,
      documents: body.documents ?? [],
      contents: body.contents ?? [],
      onlineThisYear,
      policy,
    });
  return { body, cell, id, definition, year, verdictFor };
}

/**
 * POST /api/meetings/check: the same checks as scheduling, answered 200
 * whether the meeting is allowed or not, with this year's count against the
 * limit, so the cell sees at once whether it may register (issue 8).
 */
export const checkMeeting: Handler = async (ctx) => {
  const { cell, year, verdictFor } = await prepare(ctx);
  const onlineThisYear = await ctx.deps.registry.onlineMeetingsInYear(cell.id, year);
  const verdict = verdictFor(onlineThisYear);
  return {
    status: 200,
    json: { allowed: verdict.allowed, checks: verdict.checks, refused: verdict.refused, year, onlineThisYear, onlineLimit: verdict.onlineLimit },
  };
};

/**
 * POST /api/meetings: runs the HD 03 checks (eligibility, the yearly limit
 * counted from the registry, contents, documents 1 day before), then records
 * the meeting, creates it in the running server, and (with the notice hook)
 * tells the portal whom to notify, in the background.
 */
export const scheduleMeeting: Handler = async (ctx) => {
  const { registry, server } = ctx.deps;
  const { body, cell, id, definition, year, verdictFor } = await prepare(ctx);
  if (server.meeting(id) || (await registry.meeting(id))) throw new ApiError(409, 'meeting-exists', `A meeting ${id} exists already.`, { field: 'id' });
  const verdict = verdictFor(await registry.onlineMeetingsInYear(cell.id, year));
  if (!verdict.allowed) throw refusal(verdict);

  const entry: ScheduledMeeting = {
    id,
    cellId: cell.id,
    ...(cell.parentId !== undefined ? { parentId: cell.parentId } : {}),
    title: body.title,
    scheduledAt: body.scheduledAt,
    kind: definition.kind ?? 'regular',
    mode: body.mode,
    definition,
    createdAt: nowIso(ctx.deps),
  };
  // The count is taken again with the insert: a request that won the last place in between wins.
  const recorded = await registry.scheduleMeeting(entry, isOnline(body.mode) ? verdict.onlineLimit : undefined);
  if (!recorded.ok && recorded.reason === 'duplicate-id') throw new ApiError(409, 'meeting-exists', `A meeting ${id} exists already.`, { field: 'id' });
  if (!recorded.ok) throw refusal(verdictFor(recorded.used));
  let host: MeetingHost;
  try {
    host = await server.createMeeting(definition);
  } catch (error) {
    await registry.removeMeeting(id);
    if (server.meeting(id)) throw new ApiError(409, 'meeting-exists', `A meeting ${id} exists already.`, { field: 'id' });
    throw error;
  }
  ctx.deps.log('info', 'meeting scheduled', { meeting: id, cell: cell.id, mode: body.mode, by: ctx.admin.subject });
  noticeInBackground(ctx.deps, 'meeting-scheduled', definition, everyone(definition).filter((p) => invitationRole(definition, p) !== 'guest' && invitationRole(definition, p) !== 'technician'));
  return {
    status: 201,
    json: { meeting: meetingView(entry, host), checks: verdict.checks, agenda: host.state.agenda },
    headers: { location: `/api/meetings/${encodeURIComponent(id)}/minutes` },
  };
};

/**
 * GET /api/meetings?unit=&from=&to=&limit=: the schedule registry of the
 * units the token may see, earliest first, so the upper level knows which
 * meetings its delegates may attend (seed 004).
 */
export const listMeetings: Handler = async (ctx) => {
  const raw: Record<string, string> = {};
  for (const [key, value] of ctx.query) {
    if (key in raw) throw badField(key, 'Give this parameter once.', 'invalid-query');
    raw[key] = value;
  }
  const query = parseWith(MeetingListQuery, raw, 'invalid-query');
  if (query.from && query.to && Date.parse(query.from) >= Date.parse(query.to)) throw badField('to', 'to must be later than from.', 'invalid-query');
  const { registry, server } = ctx.deps;
  const units = ctx.admin.units;
  if (query.unit !== undefined && units && !units.includes(query.unit)) {
    // A cell under one of the token's units may be asked for by its own id.
    const cell = await registry.cell(query.unit);
    if (!cell || !mayAccess(ctx.admin, [cell.parentId])) throw forbidden(`the unit ${query.unit}`);
  }
  const entries = await registry.meetings({
    ...(units ? { units } : {}),
    ...(query.unit !== undefined ? { unit: query.unit } : {}),
    ...(query.from !== undefined ? { from: query.from } : {}),
    ...(query.to !== undefined ? { to: query.to } : {}),
    limit: query.limit ?? DEFAULT_LIST_LIMIT,
  });
  return { status: 200, json: { meetings: entries.map((entry) => meetingView(entry, server.meeting(entry.id))) } };
};

/**
 * Tells the portal's webhook (the notice hook, when configured) whom to
 * notify of the meeting: members and delegates with their invite links, so
 * the portal sends the SMS or e-mail (seed 003: every member is told the time,
 * place and content). In the background: the HTTP answer never waits for it,
 * and a failure is only logged (the Notifier retries and logs each attempt).
 */
export function noticeInBackground(deps: ApiDeps, event: MeetingNotice['event'], definition: MeetingDefinition, participantIds: readonly string[]): void {
  const notify = deps.notify;
  if (!notify || participantIds.length === 0) return;
  const run = async () => {
    const invites = await signInvites(deps, definition, participantIds, inviteExpiry(deps, definition));
    await notify({
      event,
      meetingId: definition.id,
      title: definition.title,
      scheduledAt: definition.scheduledAt,
      ...(definition.mode ? { mode: definition.mode } : {}),
      recipients: invites.map((i) => ({ participantId: i.participantId, name: i.name, role: i.role === 'delegate' ? 'delegate' : 'member', inviteUrl: i.url })),
    });
  };
  setImmediate(() => {
    run().catch((error: unknown) => deps.log('error', 'notice not sent', { meeting: definition.id, error: String(error) }));
  });
}
