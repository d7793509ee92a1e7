/**
 * LiveKit media tokens (ARCHITECTURE.md "Media adapters", issue 6): the
 * meeting server turns a member's join token into a LiveKit access token for
 * the meeting's room, and follows the floor with LiveKit's RoomService so a
 * delegate publishes only while holding the floor. Enabled when LIVEKIT_URL,
 * LIVEKIT_API_KEY and LIVEKIT_API_SECRET are set (server/main.ts);
 * `livekit-server-sdk` is an optional dependency, loaded only then.
 *
 * Why a REST endpoint (`POST /media/livekit-token`, the join token as a
 * bearer token) and not a WebSocket message: the LiveKit adapter asks right
 * before it joins LiveKit, and again at every rejoin (the room gives it
 * `MediaJoin.fetchMediaToken`); a plain request needs no change to the sync
 * protocol, is answered by any process of a cluster (the meeting's state is
 * read from the log when another process serves it), and carries the same
 * join token the WebSocket hello does, verified the same way.
 * docs/media-livekit.md describes it for integrators.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { admissionOf, findParticipant, type MeetingEvent, type MeetingState, type RejectionCode, type TokenRole } from '../src/core/index.js';
import type { Log } from './log.js';
import type { EventObserver } from './meeting-host.js';
import { TokenError, type JoinClaims, type JoinTokens } from './tokens.js';

/** Where the endpoint answers. */
export const LIVEKIT_TOKEN_PATH = '/media/livekit-token';

/** A LiveKit token is used once, to join; LiveKit itself sends a connected client fresh ones (its token refresh). */
const DEFAULT_TTL_SECONDS = 15 * 60;

/** The LiveKit deployment this server mints tokens for. */
export interface LivekitConfig {
  /** LiveKit's address (`wss://livekit.example.vn`); the RoomService is reached at its http(s) form. */
  readonly url: string;
  readonly apiKey: string;
  readonly apiSecret: string;
  /** How long a minted token may be used to join, in seconds (15 minutes). */
  readonly ttlSeconds?: number;
}

/** The LiveKit settings from the environment, or undefined when any of the three is missing (LiveKit off). */
export function livekitConfigFromEnv(env: NodeJS.ProcessEnv = process.env): LivekitConfig | undefined {
  const { LIVEKIT_URL: url, LIVEKIT_API_KEY: apiKey, LIVEKIT_API_SECRET: apiSecret, LIVEKIT_TOKEN_TTL: ttl } = env;
  if (!url || !apiKey || !apiSecret) return undefined;
  return { url, apiKey, apiSecret, ...(ttl && Number(ttl) > 0 ? { ttlSeconds: Number(ttl) } : {}) };
}

/** What a participant may do in the meeting's LiveKit room. */
export interface MediaGrant {
  readonly canPublish: boolean;
  readonly canSubscribe: boolean;
}

/**
 * The grant for a role (issue 6: "grants by role: a delegate may publish only
 * when given the floor"). Members and the chair speak and show themselves;
 * a technician operates a bridge point's room camera and microphone
 * (ARCHITECTURE.md, roles); the upper-level delegate "speaks when invited"
 * (đại biểu cấp trên phát biểu khi được chủ trì mời), so publishes only while
 * holding the floor; a guest watches and listens.
 */
export function grantFor(role: TokenRole, hasFloor: boolean): MediaGrant {
  switch (role) {
    case 'chair':
    case 'member':
    case 'technician':
      return { canPublish: true, canSubscribe: true };
    case 'delegate':
      return { canPublish: hasFloor, canSubscribe: true };
    case 'guest':
      return { canPublish: false, canSubscribe: true };
  }
}

/** One minted token and what it grants. */
export interface MintedToken extends MediaGrant {
  readonly token: string;
  readonly room: string;
  readonly identity: string;
  readonly name: string;
  /** When the token stops being accepted for a join (ISO 8601). */
  readonly expiresAt: string;
}

/** Who a token is for. */
export interface MintRequest {
  readonly meetingId: string;
  readonly participantId: string;
  readonly name: string;
  readonly role: TokenRole;
  /** The participant holds the floor now (a delegate may publish). */
  readonly hasFloor: boolean;
}

/** The part of livekit-server-sdk's RoomServiceClient the floor follower uses. */
export interface ParticipantPermissions {
  updateParticipant(room: string, identity: string, options: { permission: { canPublish: boolean; canSubscribe: boolean; canPublishData: boolean } }): Promise<unknown>;
}

/**
 * Mints LiveKit access tokens with livekit-server-sdk's `AccessToken`: room =
 * the meeting id, identity = the participant id (the adapter maps it back to
 * the meeting's names), name = the member's name. No data channel: meeting
 * state never travels over media (ARCHITECTURE.md "Media adapters").
 */
export class LivekitTokens {
  private constructor(
    readonly config: LivekitConfig,
    private readonly sdk: typeof import('livekit-server-sdk'),
  ) {}

  /** Loads livekit-server-sdk (an optional dependency); rejects with a clear message when it is not installed. */
  static async create(config: LivekitConfig): Promise<LivekitTokens> {
    let sdk: typeof import('livekit-server-sdk');
    try {
      sdk = await import('livekit-server-sdk');
    } catch (error) {
      throw new Error(`LIVEKIT_URL is set but livekit-server-sdk is not installed (npm install livekit-server-sdk@2.19.2): ${String(error)}`);
    }
    return new LivekitTokens(config, sdk);
  }

  /** A signed LiveKit token for one participant of one meeting. */
  async mint(request: MintRequest, now: () => number = Date.now): Promise<MintedToken> {
    const ttl = this.config.ttlSeconds ?? DEFAULT_TTL_SECONDS;
    const grant = grantFor(request.role, request.hasFloor);
    const token = new this.sdk.AccessToken(this.config.apiKey, this.config.apiSecret, { identity: request.participantId, name: request.name, ttl });
    token.addGrant({ roomJoin: true, room: request.meetingId, ...grant, canPublishData: false, canUpdateOwnMetadata: false });
    return {
      token: await token.toJwt(),
      room: request.meetingId,
      identity: request.participantId,
      name: request.name,
      ...grant,
      // livekit-server-sdk sets exp from its own clock; this is the same instant to within the call.
      expiresAt: new Date(now() + ttl * 1000).toISOString(),
    };
  }

  /** LiveKit's RoomService, to change a participant's permissions while connected. */
  roomService(): ParticipantPermissions {
    return new this.sdk.RoomServiceClient(this.config.url, this.config.apiKey, this.config.apiSecret);
  }
}

/** A delegate holding the floor, or nobody: the only one whose publishing follows the floor. */
export function floorDelegate(state: MeetingState): string | undefined {
  const holder = state.floor?.participantId;
  return holder && findParticipant(state, holder)?.kind === 'delegate' ? holder : undefined;
}

/** The permission changes a change of floor delegate needs: the old one stops publishing, the new one may. */
export function publishChanges(before: string | undefined, after: string | undefined): { readonly identity: string; readonly canPublish: boolean }[] {
  if (before === after) return [];
  return [...(before ? [{ identity: before, canPublish: false }] : []), ...(after ? [{ identity: after, canPublish: true }] : [])];
}

/**
 * Follows the floor of every meeting this process serves (an `onEvent`
 * observer): when the chair gives a delegate the floor, LiveKit lets that
 * delegate publish (RoomService UpdateParticipant); when the floor ends or
 * passes on, it stops them. A delegate not in the room yet is skipped (the
 * call fails and is logged): the token minted when they join carries the
 * floor as it is then. A meeting first seen at a floor event (this process
 * took it over, or restarted) has an unknown previous holder, so every other
 * delegate of the meeting is told not to publish.
 */
export function followFloor(permissions: ParticipantPermissions, log: Log): EventObserver {
  const holders = new Map<string, string | undefined>();
  return (meetingId: string, event: MeetingEvent, state: MeetingState) => {
    const after = floorDelegate(state);
    if (event.type !== 'floor-given' && event.type !== 'floor-ended') {
      if (!holders.has(meetingId)) holders.set(meetingId, after);
      return;
    }
    const changes = holders.has(meetingId)
      ? publishChanges(holders.get(meetingId), after)
      : state.delegates.map((d) => ({ identity: d.id, canPublish: d.id === after }));
    holders.set(meetingId, after);
    for (const { identity, canPublish } of changes) {
      permissions
        .updateParticipant(meetingId, identity, { permission: { canPublish, canSubscribe: true, canPublishData: false } })
        .then(() => log('info', 'livekit permission updated', { meeting: meetingId, participant: identity, canPublish }))
        .catch((error: unknown) => log('warn', 'livekit permission not updated', { meeting: meetingId, participant: identity, canPublish, error: String(error) }));
    }
  };
}

/** What the token endpoint needs of the meeting server. */
export interface LivekitEndpointOptions {
  readonly livekit: LivekitTokens;
  /** The meeting server's join tokens (`MeetingServer.tokens`). */
  readonly tokens: JoinTokens;
  /** A meeting's current state: the live one, or rebuilt from its log when another process serves it. */
  readonly meeting: (meetingId: string) => MeetingState | undefined | Promise<MeetingState | undefined>;
  /** The REST API's revocation check (`Api.admitInvite`). */
  readonly admitInvite?: (claims: JoinClaims) => Promise<RejectionCode | undefined>;
  /** Portal origins whose pages may ask (CORS), as for the WebSocket (`ALLOWED_ORIGINS`); unset: this server's own pages only. */
  readonly allowedOrigins?: readonly string[];
  readonly log?: Log;
}

/** An answer with a stable code, as the REST API writes them. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: RejectionCode | 'method-not-allowed',
    message: string,
  ) {
    super(message);
  }
}

/** The bearer token of an Authorization header. */
function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}

/**
 * The endpoint `POST /media/livekit-token` (`Authorization: Bearer <join
 * token>`): answers `MintedToken` as JSON for a participant of the meeting
 * the join token names, admitted past the lobby; 401 for a bad or expired
 * join token, 403 for a revoked invite or one still waiting in the lobby, 404
 * for an unknown meeting. Returns an HTTP handler for `MeetingServerOptions.http`
 * that answers false for any other path.
 */
export function livekitTokenEndpoint(options: LivekitEndpointOptions): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  async function answer(req: IncomingMessage): Promise<MintedToken> {
    if (req.method !== 'POST') throw new Refusal(405, 'method-not-allowed', 'Ask with POST.');
    const token = bearer(req.headers.authorization);
    if (!token) throw new Refusal(401, 'invalid-token', 'Send the join token as Authorization: Bearer <token>.');
    let claims: JoinClaims;
    try {
      claims = await options.tokens.verify(token);
    } catch (error) {
      throw new Refusal(401, error instanceof TokenError ? error.code : 'invalid-token', error instanceof Error ? error.message : 'The invite is not valid.');
    }
    const refusal = await options.admitInvite?.(claims);
    if (refusal) throw new Refusal(403, refusal, 'The invite was refused.');
    const state = await options.meeting(claims.meetingId);
    if (!state) throw new Refusal(404, 'unknown-meeting', 'This meeting does not exist on this server.');
    const participant = findParticipant(state, claims.participantId);
    if (!participant) throw new Refusal(401, 'invalid-token', 'The invite names someone who is not a participant of this meeting.');
    const admission = admissionOf(state, claims.participantId, claims.role === 'chair');
    if (admission === 'waiting' || admission === 'refused') throw new Refusal(403, 'not-admitted', 'Wait in the lobby until the chair admits you.');
    return options.livekit.mint({
      meetingId: claims.meetingId,
      participantId: claims.participantId,
      name: participant.name,
      role: claims.role,
      hasFloor: state.floor?.participantId === claims.participantId,
    });
  }

  return async (req, res) => {
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== LIVEKIT_TOKEN_PATH) return false;
    const origin = req.headers.origin;
    const cors: Record<string, string> =
      origin && options.allowedOrigins?.includes(origin) ? { 'access-control-allow-origin': origin, vary: 'Origin' } : {};
    const headers = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...cors };
    if (req.method === 'OPTIONS') {
      // The preflight of a portal page's request (it carries Authorization).
      res.writeHead(204, { ...cors, ...(cors['access-control-allow-origin'] ? { 'access-control-allow-methods': 'POST', 'access-control-allow-headers': 'authorization', 'access-control-max-age': '600' } : {}) }).end();
      return true;
    }
    try {
      const minted = await answer(req);
      options.log?.('info', 'livekit token minted', { meeting: minted.room, participant: minted.identity, canPublish: minted.canPublish });
      res.writeHead(200, headers).end(JSON.stringify(minted));
    } catch (error) {
      const refusal = error instanceof Refusal ? error : new Refusal(500, 'server-error', 'The server could not mint a media token; try again.');
      if (!(error instanceof Refusal)) options.log?.('error', 'livekit token failed', { error: String(error) });
      res.writeHead(refusal.status, { ...headers, ...(refusal.status === 405 ? { allow: 'POST, OPTIONS' } : {}) }).end(JSON.stringify({ code: refusal.code, message: refusal.message }));
    }
    return true;
  };
}
