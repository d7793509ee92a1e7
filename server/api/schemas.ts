/**
 * What the API accepts, as valibot schemas. docs/openapi.json documents the
 * same shapes; test/server/api-openapi.test.ts checks that the two agree.
 */
import * as v from 'valibot';
import { isDocumentUrl, parseInstant } from '../../src/core/index.js';
import { ApiError } from './errors.js';

/** The core roster importer's id rule: letters, digits and ". _ -", at most 64 (also the JWT's `mid` and `sub`). */
const ID_PATTERN = /^[\p{L}\p{N}._-]{1,64}$/u;

const id = v.pipe(v.string(), v.regex(ID_PATTERN, 'An id is 1–64 letters, digits or ". _ -".'));
const text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1, 'This text is empty.'), v.maxLength(max));
const optionalText = (max: number) => v.pipe(v.string(), v.trim(), v.maxLength(max));
/** An ISO 8601 date-time with an offset, read the way the core's HD 03 checks read it. */
const instant = v.pipe(
  v.string(),
  v.check((value) => {
    try {
      parseInstant(value, 'time');
      return true;
    } catch {
      return false;
    }
  }, 'An ISO 8601 date-time with an offset, e.g. 2026-11-23T08:00:00+07:00.'),
);
const ids = (max: number) => v.pipe(v.array(id), v.maxLength(max));

const unitKind = v.picklist(['cell', 'base-committee', 'party-group']);
const contentTag = v.picklist(['resolution', 'election', 'discipline', 'admission', 'confirmation', 'rating', 'classified', 'minutes-adoption', 'other']);

/** POST /api/cells */
export const CreateCellBody = v.strictObject({
  id,
  name: text(200),
  unitKind: v.optional(unitKind),
  parentId: v.optional(id),
  parentName: v.optional(text(200)),
  locality: v.optional(text(100)),
  hasPartyGroups: v.optional(v.boolean()),
  cannotMeetInPerson: v.optional(ids(5000)),
});

const bridgePoint = v.strictObject({ id, name: text(200), main: v.optional(v.boolean()), operatorId: v.optional(id) });
const document = v.strictObject({
  id,
  title: text(300),
  postedAt: instant,
  url: v.optional(v.pipe(v.string(), v.maxLength(2000), v.check(isDocumentUrl, 'A document address starts with https:// or with / on the portal.'))),
});
const invitee = v.strictObject({ id, name: text(120), organization: v.optional(text(300)) });
const guest = v.strictObject({ id, name: text(120), organization: v.optional(text(300)), kind: v.picklist(['guest', 'technician']) });

/** POST /api/meetings */
export const ScheduleMeetingBody = v.strictObject({
  id: v.optional(id),
  cellId: id,
  title: text(300),
  scheduledAt: instant,
  /** Also picks the program: the core's agenda template for the kind (HD 42). */
  kind: v.optional(v.picklist(['regular', 'thematic', 'combined'])),
  mode: v.picklist(['in-person', 'online', 'hybrid']),
  chairId: id,
  bridgePoints: v.optional(v.pipe(v.array(bridgePoint), v.maxLength(50))),
  seating: v.optional(v.pipe(v.record(id, id), v.check((r) => Object.keys(r).length <= 5000, 'At most 5000 seats.'))),
  documents: v.optional(v.pipe(v.array(document), v.maxLength(100))),
  delegates: v.optional(v.pipe(v.array(invitee), v.maxLength(50))),
  guests: v.optional(v.pipe(v.array(guest), v.maxLength(100))),
  contents: v.optional(v.pipe(v.array(contentTag), v.maxLength(9))),
  cannotMeetInPerson: v.optional(ids(5000)),
});

/** POST /api/meetings/{id}/invites */
export const IssueInvitesBody = v.strictObject({
  participantIds: v.optional(v.pipe(ids(5000), v.minLength(1, 'Name at least one participant, or leave the list out for everyone.'))),
  expiresAt: v.optional(instant),
});

const points = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100));

/** POST /api/meetings/{id}/assessment; the criteria are checked against the scoring frame by the handler. */
export const AssessmentBody = v.strictObject({
  delegateId: id,
  strengths: text(4000),
  limitations: optionalText(4000),
  lessons: optionalText(4000),
  score: v.optional(points),
  criteria: v.optional(v.pipe(v.record(id, points), v.check((r) => Object.keys(r).length <= 50, 'At most 50 criteria.'))),
});

/** POST /api/meetings/{id}/delegates */
export const AssignDelegatesBody = v.strictObject({
  delegates: v.pipe(
    v.array(v.strictObject({ id, name: text(120), organization: v.optional(text(300)), bridgePointId: v.optional(id) })),
    v.minLength(1, 'Name at least one delegate.'),
    v.maxLength(50),
  ),
  bridgePoints: v.optional(v.pipe(v.array(v.strictObject({ id, name: text(200) })), v.maxLength(10))),
  invites: v.optional(v.boolean()),
  expiresAt: v.optional(instant),
});

/** GET /api/cells query */
export const CellListQuery = v.strictObject({ unit: v.optional(id) });

/** GET /api/reports/pilot query */
export const PilotReportQuery = v.strictObject({
  year: v.pipe(v.string(), v.regex(/^\d{4}$/, 'A year such as 2026.'), v.transform(Number), v.minValue(2000, 'A year from 2000 to 2100.'), v.maxValue(2100, 'A year from 2000 to 2100.')),
  unit: v.optional(id),
  format: v.optional(v.picklist(['json', 'csv'])),
  table: v.optional(v.picklist(['cells', 'meetings', 'members'])),
  lang: v.optional(v.picklist(['vi', 'en'])),
  detail: v.optional(v.picklist(['full', 'summary', 'auto'])),
});

/** GET /api/meetings query */
export const MeetingListQuery = v.strictObject({
  unit: v.optional(id),
  from: v.optional(instant),
  to: v.optional(instant),
  limit: v.optional(v.pipe(v.string(), v.regex(/^[1-9]\d{0,3}$/, 'A whole number from 1 to 1000.'), v.transform(Number), v.maxValue(1000))),
});

/** Every request-body schema by its OpenAPI operation: what the OpenAPI test checks the document against. */
export const BODY_SCHEMAS = {
  'POST /api/cells': CreateCellBody,
  'POST /api/meetings': ScheduleMeetingBody,
  'POST /api/meetings/{id}/invites': IssueInvitesBody,
  'POST /api/meetings/{id}/assessment': AssessmentBody,
  'POST /api/meetings/check': ScheduleMeetingBody,
  'POST /api/meetings/{id}/delegates': AssignDelegatesBody,
} as const;

/** Parses `value` or throws a 400 naming the first field at fault and listing every issue. */
export function parseWith<S extends v.GenericSchema>(
  schema: S,
  value: unknown,
  code: 'invalid-body' | 'invalid-query' = 'invalid-body',
): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const issues = result.issues.map((issue) => ({ field: v.getDotPath(issue) ?? '(body)', message: issue.message }));
  const first = issues[0]!;
  throw new ApiError(400, code, `${first.field}: ${first.message}`, { field: first.field, issues });
}
