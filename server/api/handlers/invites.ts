/** Invite links and their revocation: POST /api/meetings/{id}/invites, DELETE /api/meetings/{id}/invites/{participantId}. */
import { findParticipant, invitationRole, type MeetingDefinition, type TokenRole } from '../../../src/core/index.js';
import type { RejectionCode } from '../../../src/core/index.js';
import type { RegistryStore } from '../../registry-store.js';
import type { JoinClaims } from '../../tokens.js';
import { meetingInScope, nowIso, type ApiDeps, type Handler } from '../context.js';
import { badField, notFound } from '../errors.js';
import { readJson } from '../http.js';
import { IssueInvitesBody, parseWith } from '../schemas.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The latest expiry an invite may have. */
const MAX_VALIDITY_MS = 366 * DAY_MS;

/** Everyone invited when the request names no one: the roster, less members suspended or attending another cell, and every delegate and guest. */
export function everyone(meeting: MeetingDefinition): string[] {
  const members = meeting.cell.members.filter((m) => !m.flags?.suspended && !m.flags?.attachedElsewhere).map((m) => m.id);
  return [...members, ...meeting.delegates.map((d) => d.id), ...(meeting.guests ?? []).map((g) => g.id)];
}

/**
 * The issue time of a new invite: now, or just after the participant's last
 * revocation, so that an invite issued after a revocation is always accepted
 * (see {@link inviteRevoked}).
 */
async function issueTime(deps: ApiDeps, meetingId: string, participantId: string): Promise<number> {
  const revoked = await deps.registry.revokedAt(meetingId, participantId);
  const ms = Math.max(deps.clock(), revoked === undefined ? 0 : Date.parse(revoked) + 1);
  return ms / 1000;
}

/**
 * Whether an invite was revoked: it was issued at or before its participant's
 * latest revocation in the meeting. A token without an issue time counts as
 * issued before.
 */
export async function inviteRevoked(registry: RegistryStore, claims: JoinClaims): Promise<boolean> {
  const revoked = await registry.revokedAt(claims.meetingId, claims.participantId);
  if (revoked === undefined) return false;
  return claims.issuedAt === undefined || Math.round(claims.issuedAt * 1000) <= Date.parse(revoked);
}

/** The WebSocket hello's check of the revocation list (`MeetingServerOptions.admitInvite`). */
export function invitesGate(registry: RegistryStore): (claims: JoinClaims) => Promise<RejectionCode | undefined> {
  return async (claims) => ((await inviteRevoked(registry, claims)) ? 'invite-revoked' : undefined);
}

/**
 * POST /api/meetings/{id}/invites: a join token and link for each participant
 * named (default: everyone invited), with the role the meeting gives them and
 * an expiry (default: a day after the meeting, and at least a day from now).
 */
export const issueInvites: Handler = async (ctx) => {
  const { definition } = await meetingInScope(ctx);
  const body = parseWith(IssueInvitesBody, await readJson(ctx.req));
  const expiry = inviteExpiry(ctx.deps, definition, body.expiresAt);
  const ids = body.participantIds ? [...new Set(body.participantIds)] : everyone(definition);
  for (const participantId of ids) {
    if (!invitationRole(definition, participantId)) {
      throw badField(`participantIds.${body.participantIds!.indexOf(participantId)}`, `${participantId} is not a participant of this meeting.`);
    }
  }
  const invites = await signInvites(ctx.deps, definition, ids, expiry);
  ctx.deps.log('info', 'invites issued', { meeting: definition.id, count: invites.length, by: ctx.admin.subject });
  return { status: 201, json: { meetingId: definition.id, expiresAt: expiry.toISOString(), invites } };
};

/**
 * The expiry of new invites: `expiresAt` when given (400 when past or more
 * than 366 days ahead), else a day after the meeting and at least a day from now.
 */
export function inviteExpiry(deps: ApiDeps, definition: MeetingDefinition, expiresAt?: string): Date {
  const now = deps.clock();
  if (expiresAt === undefined) return new Date(Math.max(Date.parse(definition.scheduledAt) + DAY_MS, now + DAY_MS));
  const expires = Date.parse(expiresAt);
  if (expires <= now) throw badField('expiresAt', 'The expiry is in the past.');
  if (expires > now + MAX_VALIDITY_MS) throw badField('expiresAt', 'An invite is valid for at most 366 days.');
  return new Date(expires);
}

/** One invite link as the API answers it. */
export interface IssuedInvite {
  readonly participantId: string;
  readonly role: TokenRole;
  readonly name: string;
  readonly token: string;
  readonly url: string;
}

/** Signs a join token and link for each participant (each must be one), with the role the meeting gives them. */
export function signInvites(deps: ApiDeps, definition: MeetingDefinition, participantIds: readonly string[], expiry: Date): Promise<IssuedInvite[]> {
  return Promise.all(
    participantIds.map(async (participantId) => {
      const role = invitationRole(definition, participantId)!;
      const issuedAt = await issueTime(deps, definition.id, participantId);
      const token = await deps.server.tokens.sign({ meetingId: definition.id, participantId, role, issuedAt }, expiry);
      return { participantId, role, name: findParticipant(definition, participantId)!.name, token, url: deps.inviteUrl(token) };
    }),
  );
}

/**
 * DELETE /api/meetings/{id}/invites/{participantId}: revokes every invite of
 * the participant issued so far, and closes their live connections; an
 * invite issued afterwards works.
 */
export const revokeInvite: Handler = async (ctx) => {
  const { definition } = await meetingInScope(ctx);
  const participantId = ctx.params['participantId']!;
  if (!findParticipant(definition, participantId)) throw notFound(`The participant ${participantId} of the meeting ${definition.id}`);
  const revokedAt = nowIso(ctx.deps);
  await ctx.deps.registry.revoke(definition.id, participantId, revokedAt);
  const disconnected = ctx.deps.server.disconnect(definition.id, participantId, 'invite-revoked', 'The invite was revoked.');
  ctx.deps.log('info', 'invite revoked', { meeting: definition.id, participant: participantId, disconnected, by: ctx.admin.subject });
  return { status: 200, json: { meetingId: definition.id, participantId, revokedAt, disconnected } };
};
