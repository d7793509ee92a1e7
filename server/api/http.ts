import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from './errors.js';

/** Largest request body the API reads: a roster of 5,000 members in CSV is about 300 KiB. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** What a handler answers: JSON, a whole HTML page with its own CSP, or a CSV file to download. */
export type Reply =
  | { readonly status: number; readonly json: unknown; readonly headers?: Readonly<Record<string, string>> }
  | { readonly status: number; readonly html: string; readonly csp: string }
  | { readonly status: number; readonly csv: string; readonly filename: string };

/** Headers on every API answer. */
const COMMON_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** A JSON answer has nothing to run or frame. */
const JSON_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Writes a reply. */
export function send(res: ServerResponse, reply: Reply): void {
  if ('csv' in reply) {
    res.writeHead(reply.status, {
      ...COMMON_HEADERS,
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${reply.filename.replace(/[^\w.-]/g, '_')}"`,
      'content-security-policy': JSON_CSP,
    });
    // A byte-order mark first: spreadsheet programs then read the file as UTF-8 (Vietnamese names intact).
    res.end(`\ufeff${reply.csv}`);
    return;
  }
  if ('html' in reply) {
    res.writeHead(reply.status, {
      ...COMMON_HEADERS,
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': reply.csp,
    });
    res.end(reply.html);
    return;
  }
  res.writeHead(reply.status, {
    ...COMMON_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-security-policy': JSON_CSP,
    ...reply.headers,
  });
  res.end(reply.status === 204 ? undefined : JSON.stringify(reply.json));
}

/** The media type of a request without parameters, lower case (`application/json`). */
export function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * Reads the whole body as UTF-8 text, refusing one over `MAX_BODY_BYTES`
 * (413) before reading it when Content-Length says so, else as soon as it
 * grows past the limit.
 */
export async function readText(req: IncomingMessage): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  const tooLarge = () => new ApiError(413, 'payload-too-large', `The body is larger than ${MAX_BODY_BYTES} bytes.`);
  if (declared > MAX_BODY_BYTES) {
    req.resume();
    throw tooLarge();
  }
  const body = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit: answer at once, and let the rest drain unread so the answer reaches the client.
      if (size > MAX_BODY_BYTES) reject(tooLarge());
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  try {
    return text.decode(body);
  } catch {
    throw new ApiError(400, 'invalid-body', 'The body is not valid UTF-8.');
  }
}

/** Reads a JSON body (Content-Type application/json; 415 otherwise). */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  if (mediaType(req) !== 'application/json') {
    throw new ApiError(415, 'unsupported-media-type', 'Send the body as application/json.');
  }
  const text = await readText(req);
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid-json', 'The body is not valid JSON.');
  }
}
