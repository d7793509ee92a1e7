/**
 * Cross-origin access to the REST API, for a portal whose pages live on
 * another origin than the meeting server (the elements call the API from the
 * browser with the portal's admin token in the Authorization header).
 *
 * Only the origins the server is configured with (ALLOWED_ORIGINS, the same
 * list that may open the meeting WebSocket) get `Access-Control-Allow-Origin`,
 * echoed exactly; never `*` and never credentials (the token travels in a
 * header, no cookie is read). A preflight (OPTIONS with
 * Access-Control-Request-Method) from an allowed origin is answered 204 with
 * the path's methods; from any other origin 403 without CORS headers, so the
 * browser refuses the request. Fetch standard, "CORS protocol":
 * https://fetch.spec.whatwg.org/#http-cors-protocol
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** How long a browser may keep a preflight's answer (seconds). */
const PREFLIGHT_MAX_AGE = 600;
/** Request headers the API reads besides the CORS-safelisted ones. */
const ALLOWED_HEADERS = 'authorization, content-type';
/** Response headers a page may read besides the safelisted ones: the new meeting's address, a CSV's file name. */
const EXPOSED_HEADERS = 'location, content-disposition';

/** The origin of the request when it is one of `allowed`; undefined otherwise (or without an Origin header). */
export function allowedOrigin(req: IncomingMessage, allowed: readonly string[] | undefined): string | undefined {
  const origin = req.headers.origin;
  return origin && allowed?.includes(origin) ? origin : undefined;
}

/** Sets the CORS headers of an actual (non-preflight) response for an allowed origin; `Vary: Origin` whenever a list is configured. */
export function applyCors(req: IncomingMessage, res: ServerResponse, allowed: readonly string[] | undefined): void {
  if (!allowed) return;
  res.setHeader('vary', 'Origin');
  const origin = allowedOrigin(req, allowed);
  if (!origin) return;
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
}

/** Whether the request is a CORS preflight (an OPTIONS request naming the method it is for). */
export function isPreflight(req: IncomingMessage): boolean {
  return req.method === 'OPTIONS' && typeof req.headers['access-control-request-method'] === 'string';
}

/** The headers of a preflight's 204 for an allowed origin and the path's methods. */
export function preflightHeaders(methods: readonly string[]): Record<string, string> {
  return {
    'access-control-allow-methods': methods.join(', '),
    'access-control-allow-headers': ALLOWED_HEADERS,
    'access-control-max-age': String(PREFLIGHT_MAX_AGE),
  };
}
