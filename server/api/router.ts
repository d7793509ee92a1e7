/**
 * The REST API for the portal's backend (ARCHITECTURE.md "Server"): a route
 * table, admin-token authentication, and JSON errors with stable codes.
 * Mounted under /api by server/main.ts; documented in docs/openapi.json,
 * which test/server/api-openapi.test.ts checks against `ROUTES`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEFAULT_ASSESSMENT_FRAME, frameProblems, resolvePolicy, type AssessmentFrame, type MeetingPolicy, type RejectionCode } from '../../src/core/index.js';
import type { MeetingNotice } from '../notify.js';
import type { EventStore } from '../event-store.js';
import { jsonLog, type Log } from '../log.js';
import type { RegistryStore } from '../registry-store.js';
import type { JoinClaims } from '../tokens.js';
import { AdminTokens } from './admin-tokens.js';
import { allowedOrigin, applyCors, isPreflight, preflightHeaders } from './cors.js';
import type { ApiDeps, Handler, MeetingServerPort } from './context.js';
import { ApiError } from './errors.js';
import { createCell, getCell, importRoster, listCells } from './handlers/cells.js';
import { assignDelegates, unassignDelegate } from './handlers/delegates.js';
import { invitesGate, issueInvites, revokeInvite } from './handlers/invites.js';
import { checkMeeting, listMeetings, scheduleMeeting } from './handlers/meetings.js';
import { getAssessment, getMinutes, getMinutesHtml, recordAssessment } from './handlers/minutes.js';
import { getPilotReport } from './handlers/reports.js';
import { send } from './http.js';

/** The HTTP methods the API serves. */
export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** One route: a method and an OpenAPI path template such as `/api/meetings/{id}/minutes`. */
export interface RouteSpec {
  readonly method: Method;
  readonly path: string;
}

interface Route extends RouteSpec {
  readonly handler: Handler;
}

const TABLE: readonly Route[] = [
  { method: 'POST', path: '/api/cells', handler: createCell },
  { method: 'GET', path: '/api/cells', handler: listCells },
  { method: 'GET', path: '/api/cells/{cellId}', handler: getCell },
  { method: 'PUT', path: '/api/cells/{cellId}/roster', handler: importRoster },
  { method: 'POST', path: '/api/meetings', handler: scheduleMeeting },
  { method: 'GET', path: '/api/meetings', handler: listMeetings },
  { method: 'POST', path: '/api/meetings/check', handler: checkMeeting },
  { method: 'POST', path: '/api/meetings/{id}/delegates', handler: assignDelegates },
  { method: 'DELETE', path: '/api/meetings/{id}/delegates/{participantId}', handler: unassignDelegate },
  { method: 'POST', path: '/api/meetings/{id}/invites', handler: issueInvites },
  { method: 'DELETE', path: '/api/meetings/{id}/invites/{participantId}', handler: revokeInvite },
  { method: 'GET', path: '/api/meetings/{id}/minutes', handler: getMinutes },
  { method: 'GET', path: '/api/meetings/{id}/minutes.html', handler: getMinutesHtml },
  { method: 'POST', path: '/api/meetings/{id}/assessment', handler: recordAssessment },
  { method: 'GET', path: '/api/meetings/{id}/assessment', handler: getAssessment },
  { method: 'GET', path: '/api/reports/pilot', handler: getPilotReport },
];

/** Every (method, path) the API serves. */
export const ROUTES: readonly RouteSpec[] = TABLE.map(({ method, path }) => ({ method, path }));

/** A path template as a pattern: `{name}` is one non-empty segment. */
const compiled = TABLE.map((route) => {
  const names: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment);
      if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(param[1]!);
      return '([^/]+)';
    })
    .join('/');
  return { route, names, pattern: new RegExp(`^${source}$`) };
});

/** The route for a path and method: the route, 405 with the allowed methods, or undefined (404). */
function match(method: string, path: string): { route: Route; params: Record<string, string> } | { allow: Method[] } | undefined {
  const allow: Method[] = [];
  for (const { route, names, pattern } of compiled) {
    const found = pattern.exec(path);
    if (!found) continue;
    if (route.method !== method) {
      allow.push(route.method);
      continue;
    }
    const params: Record<string, string> = {};
    for (const [i, name] of names.entries()) {
      try {
        params[name] = decodeURIComponent(found[i + 1]!);
      } catch {
        throw new ApiError(400, 'invalid-path', `The ${name} in the path is not valid percent-encoding.`, { field: name });
      }
    }
    return { route, params };
  }
  return allow.length ? { allow } : undefined;
}

/** The mounted API. */
export interface Api {
  /** Answers a request under /api; false for any other path. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** The WebSocket hello's extra check (`MeetingServerOptions.admitInvite`): refuses a revoked invite. */
  admitInvite(claims: JoinClaims): Promise<RejectionCode | undefined>;
}

/** How the API is put together; everything has a default but the registry, the server and the secret. */
export interface ApiOptions {
  readonly registry: RegistryStore;
  /** The running meeting server (`MeetingServer`). */
  readonly server: MeetingServerPort & { readonly url: string };
  /** The event log, so that the minutes of a meeting another process serves are read from it. */
  readonly store?: EventStore;
  /** The server's secret: admin tokens are signed with it, with their own audience. */
  readonly secret: string;
  /** Overrides of the national policy for new meetings. */
  readonly policy?: Partial<MeetingPolicy>;
  /** The address members open, when not the server's own (behind a proxy): invite links are `<publicUrl>/?invite=<token>`. */
  readonly publicUrl?: string;
  readonly clock?: () => number;
  readonly log?: Log;
  /** The province's scoring frame for assessments (default: the core's DEFAULT_ASSESSMENT_FRAME); refused at start if inconsistent. */
  readonly assessmentFrame?: AssessmentFrame;
  /** The notice hook (server/notify.ts `Notifier.send`): told in the background when a meeting is scheduled or delegates are assigned. */
  readonly notify?: (notice: MeetingNotice) => Promise<boolean>;
  /** Portal origins whose pages may call the API from the browser (CORS, see cors.ts); none by default: same origin only. */
  readonly allowedOrigins?: readonly string[];
}

/** Builds the API over its dependencies. */
export function createApi(options: ApiOptions): Api {
  const base = (options.publicUrl ?? options.server.url).replace(/\/+$/, '');
  const frame = options.assessmentFrame ?? DEFAULT_ASSESSMENT_FRAME;
  const problems = frameProblems(frame);
  if (problems.length > 0) throw new Error(`The assessment frame ${frame.id} is not usable: ${problems.join('; ')}.`);
  const deps: ApiDeps = {
    registry: options.registry,
    server: options.server,
    ...(options.store ? { store: options.store } : {}),
    admins: new AdminTokens(options.secret),
    policy: resolvePolicy(options.policy),
    ...(options.policy ? { policyOverrides: options.policy } : {}),
    inviteUrl: (token) => `${base}/?invite=${encodeURIComponent(token)}`,
    clock: options.clock ?? Date.now,
    log: options.log ?? jsonLog,
    frame,
    ...(options.notify ? { notify: options.notify } : {}),
  };
  const admitInvite = invitesGate(options.registry);
  async function answer(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const found = match(req.method ?? 'GET', url.pathname);
    if (!found) throw new ApiError(404, 'not-found', `No API route ${url.pathname}.`);
    if (isPreflight(req) && 'allow' in found) {
      if (!allowedOrigin(req, options.allowedOrigins)) throw new ApiError(403, 'forbidden', 'This origin may not call the API from a browser; add it to ALLOWED_ORIGINS.');
      send(res, { status: 204, json: null, headers: preflightHeaders(found.allow) });
      return;
    }
    if ('allow' in found) {
      throw new ApiError(405, 'method-not-allowed', `${req.method} is not served on ${url.pathname}; use ${found.allow.join(', ')}.`, { allow: found.allow });
    }
    const admin = await deps.admins.fromHeader(req.headers.authorization);
    const reply = await found.route.handler({ req, params: found.params, query: url.searchParams, admin, deps });
    send(res, reply);
  }

  return {
    async handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname !== '/api' && !url.pathname.startsWith('/api/')) return false;
      applyCors(req, res, options.allowedOrigins);
      try {
        await answer(req, res, url);
      } catch (error) {
        if (!(error instanceof ApiError)) deps.log('error', 'api request failed', { method: req.method, path: url.pathname, error: String(error) });
        const failure = error instanceof ApiError ? error : new ApiError(500, 'server-error', 'The server could not handle this request; try again.');
        if (res.headersSent) {
          res.end();
        } else {
          const allow = failure.code === 'method-not-allowed' ? { allow: (failure.details['allow'] as string[]).join(', ') } : undefined;
          send(res, { status: failure.status, json: failure.body(), ...(allow ? { headers: allow } : {}) });
        }
      }
      return true;
    },
    admitInvite,
  };
}
