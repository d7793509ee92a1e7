/**
 * Media benchmark (issue 6): join time (page load to the first remote frame)
 * with 2 and 6 participants, CPU of one one-way video stream, and each
 * adapter's gzip size, for every adapter in test/media/adapters.ts.
 * WebRTC runs only inside a network namespace with nothing but loopback, so
 * this re-runs test/media/media-bench.ts under `unshare -n` (root), or prints
 * why it is skipped.
 *
 * Run: node --import tsx bench/media-join.ts
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
if (spawnSync('unshare', ['-n', 'true']).status !== 0) {
  console.log('skipped: the media benchmark needs a network namespace (unshare -n, as root)');
} else {
  const run = spawnSync('unshare', ['-n', 'sh', '-c', 'ip link set lo up && exec "$@"', 'sh', process.execPath, '--import', 'tsx', 'test/media/media-bench.ts'], {
    cwd: root,
    stdio: 'inherit',
  });
  process.exitCode = run.status ?? 1;
}
