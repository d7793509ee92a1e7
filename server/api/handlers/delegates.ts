/** The upper level assigns its delegates to a meeting (POST /api/meetings/{id}/delegates), or withdraws one (DELETE …/delegates/{participantId}). */
import { findParticipant, type BridgePoint } from '../../../src/core/index.js';
import { actingFor, meetingInScope, nowIso, stateOf, type Handler } from '../context.js';
import { ApiError, badField, notFound } from '../errors.js';
import { readJson } from '../http.js';
import { AssignDelegatesBody, parseWith } from '../schemas.js';
import { inviteExpiry, signInvites } from './invites.js';
import { delegatesOf, noticeInBackground } from './meetings.js';

const closed = () => new ApiError(409, 'meeting-closed', 'The meeting is closed; delegates are assigned before or during it.');

/**
 * POST /api/meetings/{id}/delegates: the upper level's standing-committee
 * members attend the meeting from their own bridge point (seed 003, Quy định
 * 08-QĐ/TU 2021; seed 004). Each new one is recorded in the meeting's log
 * (`assign-delegate`) and in its registry entry; invite links are issued for
 * every delegate named, and (with the notice hook) the portal is told.
 */
export const assignDelegates: Handler = async (ctx) => {
  const { entry, host, definition } = await meetingInScope(ctx);
  const body = parseWith(AssignDelegatesBody, await readJson(ctx.req));
  if (!host) {
    if (await stateOf(ctx.deps, definition.id)) {
      throw new ApiError(409, 'meeting-served-elsewhere', `Another server process serves the meeting ${definition.id} now; send this request there.`);
    }
    throw notFound(`The record of the meeting ${definition.id}`);
  }
  if (host.state.phase === 'closed') throw closed();

  // Check everything before recording anything, so that a bad request changes nothing.
  const state = host.state;
  const added = new Map<string, BridgePoint>();
  body.bridgePoints?.forEach((point, i) => {
    if (added.has(point.id)) throw badField(`bridgePoints.${i}.id`, `The bridge point ${point.id} appears twice.`);
    added.set(point.id, state.bridgePoints.find((b) => b.id === point.id) ?? point);
  });
  const seen = new Set<string>();
  const fresh = body.delegates.filter((d, i) => {
    if (seen.has(d.id)) throw badField(`delegates.${i}.id`, `${d.id} appears twice.`);
    seen.add(d.id);
    const existing = findParticipant(state, d.id);
    if (existing && existing.kind !== 'delegate') throw badField(`delegates.${i}.id`, `${d.id} is already a ${existing.kind} of this meeting.`);
    if (d.bridgePointId !== undefined && !added.has(d.bridgePointId) && !state.bridgePoints.some((b) => b.id === d.bridgePointId)) {
      throw badField(`delegates.${i}.bridgePointId`, `There is no bridge point ${d.bridgePointId} in the meeting or in bridgePoints.`);
    }
    return !existing;
  });
  const expiry = body.invites === false ? undefined : inviteExpiry(ctx.deps, definition, body.expiresAt);

  const assigned: string[] = [];
  for (const d of fresh) {
    const point = d.bridgePointId === undefined ? undefined : (added.get(d.bridgePointId) ?? state.bridgePoints.find((b) => b.id === d.bridgePointId));
    const delegate = { id: d.id, name: d.name, ...(d.organization !== undefined ? { organization: d.organization } : {}) };
    const outcome = await host.runServer({ type: 'assign-delegate', delegate, ...(point ? { bridgePoint: point } : {}) }, actingFor(ctx), nowIso(ctx.deps));
    if ('rejection' in outcome) {
      // Another request assigned the same delegate in between: assigned already, not an error.
      if (outcome.rejection.code === 'duplicate-id' && host.state.delegates.some((x) => x.id === d.id)) continue;
      if (outcome.rejection.code === 'wrong-phase') throw closed();
      throw badField(`delegates.${body.delegates.indexOf(d)}`, outcome.rejection.message);
    }
    assigned.push(d.id);
  }

  const now = host.state;
  if (entry && assigned.length > 0) {
    await ctx.deps.registry.updateMeetingDefinition(definition.id, {
      ...entry.definition,
      delegates: now.delegates,
      bridgePoints: now.bridgePoints,
      ...(now.seating ? { seating: now.seating } : {}),
    });
  }
  const invites = expiry ? await signInvites(ctx.deps, now, body.delegates.map((d) => d.id), expiry) : [];
  ctx.deps.log('info', 'delegates assigned', { meeting: definition.id, assigned: assigned.length, by: ctx.admin.subject });
  noticeInBackground(ctx.deps, 'delegates-assigned', now, assigned);
  return {
    status: 200,
    json: { meetingId: definition.id, delegates: delegatesOf(now), assigned, invites, ...(expiry ? { expiresAt: expiry.toISOString() } : {}) },
  };
};

/**
 * DELETE /api/meetings/{id}/delegates/{participantId}: the upper level
 * changes its mind before the meeting. Recorded in the meeting's log
 * (`unassign-delegate` → `delegate-unassigned`) and in its registry entry;
 * every invite issued to them so far is revoked (an invite issued after a new
 * assignment works). Refused (409) once the meeting opened (`meeting-open`,
 * `meeting-closed`) or once the delegate joined the room (`delegate-joined`):
 * their attendance is then part of the record. The bridge point added for
 * them stays in the meeting. With the notice hook, the portal is told
 * (`delegate-withdrawn`, no invite link).
 */
export const unassignDelegate: Handler = async (ctx) => {
  const { entry, host, definition } = await meetingInScope(ctx);
  const delegateId = ctx.params['participantId']!;
  if (!host) {
    if (await stateOf(ctx.deps, definition.id)) {
      throw new ApiError(409, 'meeting-served-elsewhere', `Another server process serves the meeting ${definition.id} now; send this request there.`);
    }
    throw notFound(`The record of the meeting ${definition.id}`);
  }
  const withdrawn = host.state.delegates.find((d) => d.id === delegateId);
  const outcome = await host.runServer({ type: 'unassign-delegate', delegateId }, actingFor(ctx), nowIso(ctx.deps));
  if ('rejection' in outcome) {
    const { code, message } = outcome.rejection;
    if (code === 'unknown-participant') throw notFound(`The delegate ${delegateId} of the meeting ${definition.id}`);
    if (code === 'delegate-joined') throw new ApiError(409, 'delegate-joined', message);
    if (code === 'wrong-phase') {
      const closedNow = host.state.phase === 'closed';
      throw new ApiError(409, closedNow ? 'meeting-closed' : 'meeting-open', closedNow ? 'The meeting is closed.' : 'The meeting has opened; a delegate is withdrawn only before it opens.');
    }
    throw new ApiError(409, 'meeting-open', message);
  }
  const now = host.state;
  if (entry) {
    const { seating: _before, ...rest } = entry.definition;
    await ctx.deps.registry.updateMeetingDefinition(definition.id, { ...rest, delegates: now.delegates, ...(now.seating ? { seating: now.seating } : {}) });
  }
  const revokedAt = nowIso(ctx.deps);
  await ctx.deps.registry.revoke(definition.id, delegateId, revokedAt);
  ctx.deps.log('info', 'delegate withdrawn', { meeting: definition.id, delegate: delegateId, by: ctx.admin.subject });
  // The portal tells the delegate they are no longer expected (in the background, as for assignments).
  const notify = ctx.deps.notify;
  if (notify && withdrawn) {
    const notice = {
      event: 'delegate-withdrawn' as const,
      meetingId: definition.id,
      title: now.title,
      scheduledAt: now.scheduledAt,
      mode: now.mode,
      recipients: [{ participantId: delegateId, name: withdrawn.name, role: 'delegate' as const }],
    };
    setImmediate(() => {
      notify(notice).catch((error: unknown) => ctx.deps.log('error', 'notice not sent', { meeting: definition.id, error: String(error) }));
    });
  }
  return { status: 200, json: { meetingId: definition.id, delegateId, delegates: delegatesOf(now), revokedAt } };
};
