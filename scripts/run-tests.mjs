#!/usr/bin/env node
// Runs every test runner of the project and ends with one line that adds them up:
//   tests: N passed, N failed, N skipped
// Node's test runner: test/{core,server,client,e2e}, and test/media in a network namespace. web-test-runner: test/components in Chromium.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const results = '.test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const nodeOnly = process.argv.includes('--node-only');

const testFiles = (dir) =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true })
        .filter((f) => f.endsWith('.test.ts'))
        .map((f) => join(dir, f))
        .sort()
    : [];
const nodeFiles = ['core', 'server', 'client', 'e2e'].flatMap((d) => testFiles(join('test', d)));

const totals = { passed: 0, failed: 0, skipped: 0 };
const started = Date.now();

// Node's runner: the spec report on the terminal, the TAP report in a file to count from.
const tap = join(results, 'node.tap');
const node = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...nodeFiles],
  { stdio: 'inherit' },
);
const count = (text, name) => Number(text.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
const nodeReport = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
const nodeCounts = {
  passed: count(nodeReport, 'pass'),
  failed: count(nodeReport, 'fail') + count(nodeReport, 'cancelled'),
  skipped: count(nodeReport, 'skipped') + count(nodeReport, 'todo'),
};
if (node.status !== 0 && nodeCounts.failed === 0) nodeCounts.failed = 1; // the runner itself failed
console.log(`node: ${nodeCounts.passed} passed, ${nodeCounts.failed} failed, ${nodeCounts.skipped} skipped`);
for (const k of Object.keys(totals)) totals[k] += nodeCounts[k];

// The media conformance suite (test/media) runs real WebRTC, so only inside a network namespace that has nothing
// but loopback (`unshare -n`, as root); where that is impossible its cases are skipped with the reason, never passed.
const mediaFiles = testFiles(join('test', 'media'));
if (mediaFiles.length > 0) {
  const mediaTap = join(results, 'media.tap');
  const args = ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${mediaTap}`, ...mediaFiles];
  const noNamespace = 'media conformance needs a network namespace (unshare -n)';
  const isolated = spawnSync('unshare', ['-n', 'true']).status === 0;
  if (!isolated) console.log(`skipped: ${noNamespace}`);
  const media = isolated
    ? spawnSync('unshare', ['-n', 'sh', '-c', 'ip link set lo up && exec "$@"', 'sh', process.execPath, ...args], { stdio: 'inherit' })
    : spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, MEDIA_SKIP: noNamespace } });
  const report = existsSync(mediaTap) ? readFileSync(mediaTap, 'utf8') : '';
  const mediaCounts = {
    passed: count(report, 'pass'),
    failed: count(report, 'fail') + count(report, 'cancelled'),
    skipped: count(report, 'skipped') + count(report, 'todo'),
  };
  if (media.status !== 0 && mediaCounts.failed === 0) mediaCounts.failed = 1;
  console.log(`media: ${mediaCounts.passed} passed, ${mediaCounts.failed} failed, ${mediaCounts.skipped} skipped`);
  for (const k of Object.keys(totals)) totals[k] += mediaCounts[k];
}

if (!nodeOnly) {
  const wtr = spawnSync(join('node_modules', '.bin', 'wtr'), [], { stdio: 'inherit' });
  const file = join(results, 'wtr.json');
  const wtrCounts = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { passed: 0, failed: 1, skipped: 0 };
  if (wtr.status !== 0 && wtrCounts.failed === 0) wtrCounts.failed = 1;
  for (const k of Object.keys(totals)) totals[k] += wtrCounts[k];
}

console.log(`all runners took ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
