// A web-test-runner reporter that CI can read: counts every test of every file,
// writes .test-results/wtr.json and prints `wtr: N passed, N failed, N skipped`
// as the very last line (wtr's own summary line starts with a progress bar).
import { mkdirSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';

/** Adds up the tests of a suite tree. */
function countTests(suite, counts) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) counts.skipped++;
    else if (test.passed) counts.passed++;
    else counts.failed++;
  }
  for (const child of suite.suites ?? []) countTests(child, counts);
}

/**
 * Counts over all sessions (one per test file and browser). A session that did
 * not finish, failed to load its file, or reported errors outside a test (a
 * failing hook, an uncaught error) counts as one more failed test, so a broken
 * file can never look green.
 */
export function summarize(sessions) {
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const session of sessions) {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    if (session.testResults) countTests(session.testResults, counts);
    const broken =
      session.status !== 'FINISHED' ||
      !session.testResults ||
      (session.errors?.length ?? 0) > 0 ||
      (session.passed === false && counts.failed === 0);
    if (broken) counts.failed++;
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
  }
  return total;
}

/** The reporter; `outFile` is relative to wtr's rootDir. */
export function wtrSummaryReporter({ outFile = '.test-results/wtr.json' } = {}) {
  let rootDir = process.cwd();
  let summary;
  let printing = false;
  const save = (counts) => {
    summary = counts;
    const target = path.resolve(rootDir, outFile);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, JSON.stringify(counts) + '\n');
  };
  return {
    start({ config }) {
      if (config.rootDir) rootDir = config.rootDir;
      // Until the run ends, a reader of the file sees a failure, never a stale green.
      save({ passed: 0, failed: 1, skipped: 0 });
    },
    onTestRunFinished({ sessions }) {
      save(summarize(sessions));
    },
    stop({ sessions }) {
      save(summarize(sessions));
      if (printing) return;
      printing = true;
      // wtr prints its final progress after the reporters stop; print ours at exit so it is last.
      process.on('exit', () => {
        const { passed, failed, skipped } = summary;
        writeSync(1, `\nwtr: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
      });
    },
  };
}
