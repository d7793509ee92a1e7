/**
 * The meeting server of the media testbed, serving the harness page at
 * `/media`: in the test's own process (the conformance suite), or in a
 * process of its own (the join benchmark: as in production, relaying a
 * signal then waits for no playwright work in the same event loop).
 *
 * As a child: node --import tsx test/media/media-server.ts CONFIG.json
 * (prints `listening URL`, stops on SIGTERM).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMeetingServer } from '../../server/app.js';
import { silentLog } from '../../server/log.js';
import { SqliteEventStore } from '../../server/sqlite-event-store.js';
import { JoinTokens, type JoinClaims } from '../../server/tokens.js';
import type { MeetingDefinition } from '../../src/core/index.js';

const SECRET = 'media-conformance-secret-long-enough-for-hs256';

/** A running meeting server with the harness page. */
export interface MediaServer {
  readonly url: string;
  /** The server's token signer (the same secret in either process). */
  readonly tokens: JoinTokens;
  /** A join token for the page's query, valid for an hour. */
  sign(claims: JoinClaims): Promise<string>;
  stop(): Promise<void>;
}

/** What the server needs: the meetings, and the page (the harness bundled with one adapter). */
interface ServerConfig {
  readonly meetings: readonly MeetingDefinition[];
  readonly page: string;
  readonly dir: string;
}

async function listen(config: ServerConfig) {
  const http = (req: IncomingMessage, res: ServerResponse) => {
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== '/media') return false;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(config.page);
    return true;
  };
  const store = new SqliteEventStore(join(config.dir, 'events.sqlite'));
  const server = await startMeetingServer({ store, secret: SECRET, port: 0, host: '127.0.0.1', log: silentLog, meetings: config.meetings, http });
  return {
    url: server.url,
    async close() {
      await server.close();
      await store.close();
    },
  };
}

/** Starts the server in this process, or in a child process of its own (`ownProcess`). */
export async function startMediaServer(meetings: readonly MeetingDefinition[], page: string, ownProcess: boolean): Promise<MediaServer> {
  const dir = mkdtempSync(join(tmpdir(), 'party-media-'));
  const tokens = new JoinTokens(SECRET);
  const sign = (claims: JoinClaims) => tokens.sign(claims, '1h');
  if (!ownProcess) {
    const server = await listen({ meetings, page, dir });
    return {
      url: server.url,
      tokens,
      sign,
      async stop() {
        await server.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const configFile = join(dir, 'config.json');
  writeFileSync(configFile, JSON.stringify({ meetings, page, dir } satisfies ServerConfig));
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), configFile], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const found = /^listening (\S+)$/m.exec(out);
      if (found) resolve(found[1]!);
    });
    void exited.then(() => reject(new Error(`the media server exited before listening: ${out}`)));
  });
  return {
    url,
    tokens,
    sign,
    async stop() {
      // Only this child, by its handle.
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await listen(JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as ServerConfig);
  process.stdout.write(`listening ${server.url}\n`);
  process.once('SIGTERM', () => {
    void server.close().finally(() => process.exit(0));
  });
}
