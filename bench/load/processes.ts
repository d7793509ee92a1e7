/**
 * Child processes for the load benchmark: start one and wait for its ready
 * line, read its CPU time and resident memory from /proc, find a free port.
 * Everything listens on 127.0.0.1.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** A started child and the first match of its ready pattern. */
export interface Started {
  readonly child: ChildProcess;
  readonly match: RegExpMatchArray;
}

/**
 * Spawns `command args` and resolves once stdout or stderr matches `ready`.
 * Its output is read (and dropped) for as long as it runs, so a chatty child
 * never blocks on a full pipe; the last lines are kept for error messages.
 */
export function start(command: string, args: readonly string[], env: Record<string, string>, ready: RegExp, timeoutMs = 30_000): Promise<Started> {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let tail = '';
    let done = false;
    const timer = setTimeout(() => finish(new Error(`${[command, ...args].join(' ')} did not get ready in ${timeoutMs} ms:\n${tail}`)), timeoutMs);
    const finish = (error?: Error, match?: RegExpMatchArray) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (error) {
        child.kill('SIGKILL');
        reject(error);
      } else resolve({ child, match: match! });
    };
    const onData = (data: Buffer) => {
      tail = (tail + data.toString()).slice(-4000);
      const match = tail.match(ready);
      if (match) finish(undefined, match);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code, signal) => finish(new Error(`${command} exited (${code ?? signal}) before it was ready:\n${tail}`)));
  });
}

/** Stops a child with SIGTERM (SIGKILL after 3 s) and waits for it. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** CPU time (user + system) a process has used so far, in milliseconds (proc(5): utime and stime of /proc/<pid>/stat). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may hold spaces; fields after it start with the state (field 3).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / CLOCK_TICKS;
}

/** Resident memory of a process in bytes (VmRSS of /proc/<pid>/status). */
export function rssBytes(pid: number): number {
  const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
  if (!match) throw new Error(`no VmRSS for ${pid}`);
  return Number(match[1]) * 1024;
}

/** A TCP port free on 127.0.0.1 right now (for servers that cannot report the port they got). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The load averages (1, 5, 15 minutes) of the machine, as `uptime` prints them. */
export function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(', ');
}
