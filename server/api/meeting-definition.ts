/**
 * Builds a meeting's definition from a scheduling request and the cell's
 * roster, checking what a schema cannot: that the people and places it names
 * exist and do not clash. Each problem is a 400 naming the field.
 */
import type * as v from 'valibot';
import type { MeetingDefinition, MeetingPolicy } from '../../src/core/index.js';
import type { CellRecord } from '../registry-store.js';
import { badField } from './errors.js';
import type { ScheduleMeetingBody } from './schemas.js';

/** The scheduling request after validation. */
export type ScheduleRequest = v.InferOutput<typeof ScheduleMeetingBody>;

/** The definition the meeting is created with; its roster is the cell's at scheduling time. */
export function meetingDefinition(
  id: string,
  body: ScheduleRequest,
  cell: CellRecord,
  policyOverrides: Partial<MeetingPolicy> | undefined,
): MeetingDefinition {
  const members = new Map(cell.members.map((m) => [m.id, m]));
  const chair = members.get(body.chairId);
  if (!chair) throw badField('chairId', `${body.chairId} is not on the roster of ${cell.id}.`);
  // The bí thư chairs: a full member who is neither suspended nor attending another cell.
  if (chair.status !== 'full' || chair.flags?.suspended || chair.flags?.attachedElsewhere) {
    throw badField('chairId', 'The chair must be a full member who is not suspended or attached elsewhere.');
  }

  // Members, delegates and guests share one id space: a token names one of them.
  const participants = new Set(members.keys());
  const addAll = (list: readonly { id: string }[] | undefined, field: string) =>
    list?.forEach((p, i) => {
      if (participants.has(p.id)) throw badField(`${field}.${i}.id`, `${p.id} is already a member or another participant.`);
      participants.add(p.id);
    });
  addAll(body.delegates, 'delegates');
  addAll(body.guests, 'guests');

  const points = new Set<string>();
  body.bridgePoints?.forEach((point, i) => {
    if (points.has(point.id)) throw badField(`bridgePoints.${i}.id`, `The bridge point ${point.id} appears twice.`);
    points.add(point.id);
    if (point.operatorId !== undefined && !participants.has(point.operatorId)) {
      throw badField(`bridgePoints.${i}.operatorId`, `${point.operatorId} is not a participant of the meeting.`);
    }
  });
  if ((body.bridgePoints?.filter((p) => p.main).length ?? 0) > 1) throw badField('bridgePoints', 'At most one bridge point is the main one.');
  if (body.mode === 'in-person' && (body.bridgePoints?.length ?? 0) === 0) {
    throw badField('bridgePoints', 'An in-person meeting needs its room as a bridge point.');
  }
  for (const [participantId, pointId] of Object.entries(body.seating ?? {})) {
    if (!participants.has(participantId)) throw badField(`seating.${participantId}`, `${participantId} is not a participant of the meeting.`);
    if (!points.has(pointId)) throw badField(`seating.${participantId}`, `There is no bridge point ${pointId}.`);
  }
  const documents = new Set<string>();
  body.documents?.forEach((d, i) => {
    if (documents.has(d.id)) throw badField(`documents.${i}.id`, `The document ${d.id} appears twice.`);
    documents.add(d.id);
  });
  body.cannotMeetInPerson?.forEach((memberId, i) => {
    if (!members.has(memberId)) throw badField(`cannotMeetInPerson.${i}`, `${memberId} is not on the roster of ${cell.id}.`);
  });

  // Main bridge point first: the minutes take the place from it.
  const bridgePoints = body.bridgePoints ? [...body.bridgePoints].sort((a, b) => Number(b.main ?? false) - Number(a.main ?? false)) : undefined;
  return {
    id,
    title: body.title,
    cell: {
      id: cell.id,
      name: cell.name,
      ...(cell.parentName !== undefined ? { parentName: cell.parentName } : {}),
      unitKind: cell.unitKind,
      members: cell.members,
    },
    chairId: body.chairId,
    delegates: body.delegates ?? [],
    ...(body.guests?.length ? { guests: body.guests } : {}),
    scheduledAt: body.scheduledAt,
    kind: body.kind ?? 'regular',
    mode: body.mode,
    ...(bridgePoints?.length ? { bridgePoints } : {}),
    ...(body.seating && Object.keys(body.seating).length ? { seating: body.seating } : {}),
    ...(body.documents?.length ? { documents: body.documents } : {}),
    ...(policyOverrides && Object.keys(policyOverrides).length ? { policy: policyOverrides } : {}),
  };
}
