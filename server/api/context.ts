import type { IncomingMessage } from 'node:http';
import type * as v from 'valibot';
import { replay, withBallotBox, type AssessmentFrame, type MeetingDefinition, type MeetingPolicy, type MeetingState, type RejectionCode } from '../../src/core/index.js';
import type { EventStore } from '../event-store.js';
import type { Log } from '../log.js';
import type { MeetingHost } from '../meeting-host.js';
import type { MeetingNotice } from '../notify.js';
import type { RegistryStore, ScheduledMeeting } from '../registry-store.js';
import type { JoinTokens } from '../tokens.js';
import { mayAccess, type AdminClaims, type AdminTokens } from './admin-tokens.js';
import { badField, forbidden, notFound } from './errors.js';
import type { Reply } from './http.js';
import { parseWith } from './schemas.js';

/** The part of the running meeting server the API uses (`MeetingServer` has it). */
export interface MeetingServerPort {
  readonly tokens: JoinTokens;
  meeting(id: string): MeetingHost | undefined;
  createMeeting(definition: MeetingDefinition): Promise<MeetingHost>;
  disconnect(meetingId: string, participantId: string, code: RejectionCode, message: string): number;
}

/** What every handler may use. */
export interface ApiDeps {
  readonly registry: RegistryStore;
  readonly server: MeetingServerPort;
  /** The event log, to read a meeting another process serves (several processes, server/ownership.ts). */
  readonly store?: EventStore;
  readonly admins: AdminTokens;
  /** The policy in force for new meetings (national defaults unless the integrator overrode them). */
  readonly policy: MeetingPolicy;
  /** The overrides of that policy, recorded in each new meeting's definition. */
  readonly policyOverrides?: Partial<MeetingPolicy>;
  /** The invite link a member opens, for a join token. */
  readonly inviteUrl: (token: string) => string;
  /** Milliseconds since the epoch (tests may fix it). */
  readonly clock: () => number;
  readonly log: Log;
  /** The province's scoring frame for the delegates' assessments (policy values). */
  readonly frame: AssessmentFrame;
  /** The notice hook (server/notify.ts), when the portal's webhook is configured: called in the background. */
  readonly notify?: (notice: MeetingNotice) => Promise<boolean>;
}

/** One request, authenticated, with its path parameters. */
export interface RequestContext {
  readonly req: IncomingMessage;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly admin: AdminClaims;
  readonly deps: ApiDeps;
}

/** A route's handler. */
export type Handler = (ctx: RequestContext) => Promise<Reply>;

/** A meeting the API may act on: its registry entry (absent for one created otherwise, e.g. the demo's) and its live host. */
export interface MeetingInScope {
  readonly entry?: ScheduledMeeting;
  readonly host?: MeetingHost;
  readonly definition: MeetingDefinition;
}

/** Finds the meeting `{id}` names and checks the token may reach its unit: 404, then 403. */
export async function meetingInScope(ctx: RequestContext): Promise<MeetingInScope> {
  const id = ctx.params['id']!;
  const entry = await ctx.deps.registry.meeting(id);
  const host = ctx.deps.server.meeting(id);
  const definition = host?.state ?? entry?.definition;
  if (!definition) throw notFound(`The meeting ${id}`);
  const units = entry ? [entry.cellId, entry.parentId] : [definition.cell.id];
  if (!mayAccess(ctx.admin, units)) throw forbidden(`the meeting ${id}`);
  return { ...(entry ? { entry } : {}), ...(host ? { host } : {}), definition };
}

/**
 * The meeting's state: the live one when it runs in this process, else
 * rebuilt from its log (read only) when another process of the province
 * serves it; undefined when it has no log.
 */
export async function stateOf(deps: ApiDeps, meetingId: string): Promise<MeetingState | undefined> {
  const host = deps.server.meeting(meetingId);
  if (host) return host.state;
  if (!deps.store) return undefined;
  const log = await deps.store.read(meetingId);
  if (log.length === 0) return undefined;
  return withBallotBox(replay(log.map((e) => e.event)), await deps.store.ballotBox(meetingId));
}

/** The current time as ISO 8601. */
export const nowIso = (deps: ApiDeps): string => new Date(deps.clock()).toISOString();

/** Reads the query string with a schema; a parameter given twice is refused (400 naming it). */
export function readQuery<S extends v.GenericSchema>(ctx: RequestContext, schema: S): v.InferOutput<S> {
  const raw: Record<string, string> = {};
  for (const [key, value] of ctx.query) {
    if (key in raw) throw badField(key, 'Give this parameter once.', 'invalid-query');
    raw[key] = value;
  }
  return parseWith(schema, raw, 'invalid-query');
}

/**
 * Checks a `unit` the query names against the token's scope: one of its
 * units, or a cell under one of them; 403 otherwise.
 */
export async function requireUnitInScope(ctx: RequestContext, unit: string | undefined): Promise<void> {
  const units = ctx.admin.units;
  if (unit === undefined || !units || units.includes(unit)) return;
  const cell = await ctx.deps.registry.cell(unit);
  if (!cell || !mayAccess(ctx.admin, [cell.parentId])) throw forbidden(`the unit ${unit}`);
}

/** Who a server command acts for in the meeting's log: the admin token's subject, within an id's 64 characters. */
export const actingFor = (ctx: RequestContext): string => ctx.admin.subject.slice(0, 64) || 'portal';
