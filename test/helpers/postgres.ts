/**
 * A throw-away PostgreSQL cluster for tests (TOOLCHAIN.md "Storage"): Debian's
 * server binaries, a data folder in a temporary directory, listening on
 * 127.0.0.1 only with a free port, trust authentication, stopped and removed
 * at the end. Runs as the `postgres` user when the tests run as root, since
 * PostgreSQL refuses to run as root.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';

/** The folder of Debian's PostgreSQL server binaries, or undefined when it is not installed. */
export function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0]!, 'bin') : undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A running cluster. */
export interface TestPostgres {
  /** `postgres://postgres@127.0.0.1:PORT/postgres` */
  readonly url: string;
  stop(): void;
}

/** Starts a fresh cluster; resolves undefined (with the reason) when PostgreSQL cannot run here. */
export async function startPostgres(): Promise<TestPostgres | { skipped: string }> {
  const bin = postgresBin();
  if (!bin) return { skipped: 'skipped: PostgreSQL is not installed (bash scripts/install-system.sh installs it)' };
  const root = userInfo().uid === 0;
  const dir = mkdtempSync('/tmp/party-pg-');
  const data = join(dir, 'data');
  const run = (command: string, args: string[]) => {
    const argv = root ? ['-u', 'postgres', '--', join(bin, command), ...args] : args;
    return execFileSync(root ? 'runuser' : join(bin, command), argv, { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir });
  };
  if (root) {
    const pg = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const group = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, pg, group);
  }
  chmodSync(dir, 0o700);
  const port = await freePort();
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    run('pg_ctl', ['-D', data, '-w', '-l', join(dir, 'server.log'), '-o', `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=on`, 'start']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const detail = (error as { stderr?: Buffer }).stderr?.toString().trim() || String(error);
    return { skipped: `skipped: could not start PostgreSQL (${detail.split('\n')[0]})` };
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      const argv = ['-D', data, '-m', 'fast', '-w', 'stop'];
      spawnSync(root ? 'runuser' : join(bin, 'pg_ctl'), root ? ['-u', 'postgres', '--', join(bin, 'pg_ctl'), ...argv] : argv, { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
