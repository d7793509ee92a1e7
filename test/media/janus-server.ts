/**
 * A real Janus (Debian's /usr/bin/janus) for the media tests, with the
 * project's own configuration (test/media/janus/*.jcfg, the @NAME@ fields
 * filled in) written into a temporary folder: the WebSocket transport alone
 * on 127.0.0.1 and a free port, the VideoRoom plugin alone, a small RTP port
 * range, low logging.
 *
 * Janus never offers an ICE candidate on an interface flagged as loopback
 * (TOOLCHAIN.md "Janus on loopback"), so inside the test's network namespace
 * (`unshare -n`, only `lo`) a veth pair is added with 127.0.0.2 on one end,
 * which is not flagged loopback, and Janus gathers on that address alone.
 * Traffic never leaves the namespace. Outside such a namespace nothing is
 * started: `janusSkipReason` says why.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { freePort, GaveUp, repoRoot, waitFor } from '../e2e/helpers.js';

/** The Debian package's binary (scripts/install-system.sh installs it). */
export const JANUS_BIN = '/usr/bin/janus';
/** The address Janus gathers ICE candidates on, on the veth inside the namespace. */
export const JANUS_ICE_ADDRESS = '127.0.0.2';
const TEMPLATES = join(repoRoot, 'test', 'media', 'janus');
const CONFIG_FILES = ['janus.jcfg', 'janus.transport.websockets.jcfg', 'janus.plugin.videoroom.jcfg'];

/** Where Debian (any architecture) or a source build put Janus's plugins and transports. */
function janusLibDir(): string | undefined {
  const candidates = [
    ...(existsSync('/usr/lib') ? readdirSync('/usr/lib').map((d) => join('/usr/lib', d, 'janus')) : []),
    '/usr/lib/janus',
    '/usr/local/lib/janus',
    '/opt/janus/lib/janus',
  ];
  return candidates.find((dir) => existsSync(join(dir, 'plugins', 'libjanus_videoroom.so')) && existsSync(join(dir, 'transports', 'libjanus_websockets.so')));
}

/**
 * Why Janus cannot be started here, or undefined. It needs the binary with
 * its VideoRoom plugin and WebSocket transport, and a network namespace whose
 * only addresses are loopback ones (what `unshare -n` gives; the veth added
 * by `ensureVeth` counts as ours), so no packet can leave the machine.
 */
export function janusSkipReason(): string | undefined {
  if (!existsSync(JANUS_BIN)) return `${JANUS_BIN} is missing (scripts/install-system.sh installs Debian's janus)`;
  if (!janusLibDir()) return 'Janus plugins folder with libjanus_videoroom.so and libjanus_websockets.so not found';
  const outside = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && !(a.family === 'IPv4' ? a.address.startsWith('127.') : a.address === '::1' || a.address.toLowerCase().startsWith('fe80:')));
  if (outside.length > 0) return 'Janus tests need a network namespace with only loopback (run them through scripts/run-tests.mjs, or unshare -n)';
  return undefined;
}

const run = (args: readonly string[]) => execFileSync('ip', args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });

/**
 * Adds the veth pair jv0/jv1 with 127.0.0.2/32 on jv0, both ends up
 * (TOOLCHAIN.md). Idempotent: a second call, or a second Janus in the same
 * namespace, finds it in place. Only inside a loopback-only namespace.
 */
export function ensureVeth(): void {
  const links = run(['-o', 'link', 'show']);
  if (!/\bjv0@/.test(links)) run(['link', 'add', 'jv0', 'type', 'veth', 'peer', 'name', 'jv1']);
  if (!run(['-o', 'addr', 'show', 'dev', 'jv0']).includes(`${JANUS_ICE_ADDRESS}/32`)) run(['addr', 'add', `${JANUS_ICE_ADDRESS}/32`, 'dev', 'jv0']);
  run(['link', 'set', 'jv0', 'up']);
  run(['link', 'set', 'jv1', 'up']);
}

/** How to start Janus. */
export interface JanusOptions {
  /** Janus's log level, 0–7 (2: errors only). `JANUS_DEBUG_LEVEL` overrides it. */
  readonly debugLevel?: number;
  /** How many UDP ports Janus may use for media; one per PeerConnection (100 by default). */
  readonly rtpPorts?: number;
  /** The WebSocket port (a free one by default); the same as before to restart a Janus in place. */
  readonly port?: number;
}

/** A running Janus: its WebSocket URL, its log, and how to stop it. */
export class JanusServer {
  private readonly output: string[] = [];
  private readonly exited: Promise<void>;

  private constructor(
    /** `ws://127.0.0.1:PORT` (subprotocol `janus-protocol`). */
    readonly url: string,
    readonly port: number,
    private readonly child: ChildProcess,
    private readonly dir: string,
  ) {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => this.keep(chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => this.keep(chunk));
    // A test process that dies (an uncaught error) takes its Janus with it instead of leaving it running.
    const orphan = () => {
      this.child.kill('SIGKILL');
      rmSync(this.dir, { recursive: true, force: true });
    };
    process.once('exit', orphan);
    this.exited = new Promise((resolve) =>
      child.once('exit', () => {
        process.off('exit', orphan);
        resolve();
      }),
    );
  }

  /** Writes the configuration, adds the veth, starts Janus and waits until its WebSocket API answers. */
  static async start(options: JanusOptions = {}): Promise<JanusServer> {
    const skip = janusSkipReason();
    if (skip) throw new Error(`cannot start Janus: ${skip}`);
    ensureVeth();
    const port = options.port ?? (await freePort());
    const rtpPorts = options.rtpPorts ?? 100;
    // A range of its own per Janus (several may run in one namespace); UDP, so freePort's TCP check does not apply.
    const rtpStart = 20_000 + Math.floor(Math.random() * 400) * 100;
    const dir = mkdtempSync(join(tmpdir(), 'party-janus-'));
    const fields: Record<string, string> = {
      CONFIGS: dir,
      LIBDIR: janusLibDir()!,
      DEBUG_LEVEL: String(Number(process.env.JANUS_DEBUG_LEVEL ?? options.debugLevel ?? 2)),
      ICE_ADDRESS: JANUS_ICE_ADDRESS,
      RTP_RANGE: `${rtpStart}-${rtpStart + rtpPorts - 1}`,
      WS_PORT: String(port),
    };
    for (const file of CONFIG_FILES) {
      const text = readFileSync(join(TEMPLATES, file), 'utf8').replace(/@([A-Z_]+)@/g, (all, name: string) => fields[name] ?? all);
      writeFileSync(join(dir, file), text);
    }
    // -F: our config folder; -C: our janus.jcfg (not /etc/janus's); -o: no colours in the kept log.
    const child = spawn(JANUS_BIN, ['-F', dir, '-C', join(dir, 'janus.jcfg'), '-o'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const janus = new JanusServer(`ws://127.0.0.1:${port}`, port, child, dir);
    try {
      await waitFor(
        'Janus WebSocket API answers',
        () => {
          if (!janus.running) throw new GaveUp(`Janus exited before it was ready\n${janus.log()}`);
          return janus.ping();
        },
        10_000,
        50,
      );
    } catch (error) {
      await janus.stop();
      throw error;
    }
    return janus;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Opens the WebSocket and asks Janus for `info`; resolves when it answers `server_info`. */
  ping(timeoutMs = 2_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(this.url, 'janus-protocol');
      const timer = setTimeout(() => done(new Error('no answer to info')), timeoutMs);
      const done = (error?: Error) => {
        clearTimeout(timer);
        ws.terminate();
        if (error) reject(error);
        else resolve();
      };
      ws.once('error', (error) => done(error));
      ws.once('open', () => ws.send(JSON.stringify({ janus: 'info', transaction: 'ping' })));
      ws.on('message', (data) => {
        const message = JSON.parse(String(data)) as { janus?: string };
        if (message.janus === 'server_info') done();
      });
    });
  }

  /** Stops this Janus (by its pid: SIGTERM, SIGKILL after 3 s) and removes its folder. */
  async stop(): Promise<void> {
    if (this.running) {
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => {
        if (this.running) this.child.kill('SIGKILL');
      }, 3_000);
      await this.exited;
      clearTimeout(timer);
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Janus's output so far (the last 200 lines), for failure reports. */
  log(): string {
    return `----- janus (pid ${this.child.pid}, ${this.url}) -----\n${this.output.join('')}`;
  }

  private keep(chunk: string): void {
    this.output.push(chunk);
    if (this.output.length > 200) this.output.splice(0, this.output.length - 200);
  }
}
