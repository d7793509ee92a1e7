/**
 * The meeting server's own small HTTP parts: its security headers, `/healthz`
 * and `/metrics`, the WebSocket origin check, the client's address behind a
 * proxy, and the per-connection message rate.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Log } from './log.js';
import type { ServerMetrics } from './metrics.js';

/** Headers on every HTTP response the server itself writes (the demo and API add their own CSP). */
const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-site',
};

/** What the HTTP handler needs from the server. */
export interface HttpParts {
  readonly metrics: ServerMetrics;
  /** When set, `/metrics` needs it as a bearer token. */
  readonly metricsToken?: string;
  /** Everything else (the REST API, the demo pages); false for a 404. */
  readonly http?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;
  readonly log: Log;
}

/**
 * The server's HTTP requests: `/healthz`, `/metrics`, then the page's own
 * handler, a bilingual 404, and a 500 that tells nothing of the error (which
 * is logged).
 */
export function httpHandler({ metrics, metricsToken, http, log }: HttpParts): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    try {
      if (req.url === '/healthz') {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('ok\n');
        return;
      }
      if (req.url === '/metrics') {
        if (metricsToken && req.headers.authorization !== `Bearer ${metricsToken}`) {
          res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8' }).end('Unauthorized\n');
          return;
        }
        res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(await metrics.registry.metrics());
        return;
      }
      if (http && (await http(req, res))) return;
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Không tìm thấy / Not found\n');
    } catch (error) {
      log('error', 'http handler failed', { url: req.url, error: String(error) });
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Lỗi máy chủ / Server error\n');
    }
  };
}

/** Whether a WebSocket upgrade from `origin` (the Origin header) may proceed; `host` is the Host header. */
export function originAllowed(origin: string | undefined, host: string | undefined, allowed: readonly string[] | undefined): boolean {
  if (!origin) return true;
  if (allowed) return allowed.includes(origin);
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** The address a request came from: the proxy's last X-Forwarded-For entry when trusted, else the socket's peer. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): { address?: string; via?: string } {
  const peer = req.socket.remoteAddress?.replace(/^::ffff:/, '');
  const forwarded = trustProxy ? String(req.headers['x-forwarded-for'] ?? '').split(',').at(-1)?.trim() : '';
  return forwarded ? { address: forwarded, via: peer } : { address: peer };
}

/**
 * Messages per connection: a bucket of `burst`, refilled at `perSecond`. A
 * member's client sends a few commands a minute; a mesh join sends an offer
 * and a few ICE candidates to each peer, well inside the default burst.
 */
export class MessageRate {
  private allowance: number;
  private refilledAt = performance.now();
  private readonly burst: number;
  private readonly perSecond: number;

  constructor({ burst, perSecond }: { readonly burst: number; readonly perSecond: number } = { burst: 120, perSecond: 40 }) {
    this.burst = burst;
    this.perSecond = perSecond;
    this.allowance = burst;
  }

  /** Takes one message from the bucket; false when it is empty (the message is refused). */
  take(): boolean {
    const now = performance.now();
    this.allowance = Math.min(this.burst, this.allowance + ((now - this.refilledAt) / 1000) * this.perSecond);
    this.refilledAt = now;
    if (this.allowance < 1) return false;
    this.allowance -= 1;
    return true;
  }
}
