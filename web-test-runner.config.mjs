// Element tests in real Chromium (Debian's, never a downloaded one), served from 127.0.0.1 only.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import ts from 'typescript';
import { wtrSummaryReporter } from './test/wtr-summary-reporter.mjs';

/**
 * The esbuild plugin hands esbuild the raw text of its `tsconfig` file, and
 * esbuild's transform API ignores `extends`. Our tsconfig.json takes
 * `experimentalDecorators` and `useDefineForClassFields: false` from
 * tsconfig.base.json, so passed as is, Lit's field decorators are compiled as
 * standard decorators and fail ("Unsupported decorator location: field").
 * We fold the `extends` chain of tsconfig.json into one temporary file instead.
 */
function flattenTsconfig(file) {
  const absolute = path.resolve(file);
  const { config, error } = ts.readConfigFile(absolute, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const parents = config.extends === undefined ? [] : [config.extends].flat();
  const require = createRequire(absolute);
  let compilerOptions = {};
  for (const parent of parents) {
    const parentPath = parent.startsWith('.') ? path.resolve(path.dirname(absolute), parent) : require.resolve(parent);
    compilerOptions = { ...compilerOptions, ...flattenTsconfig(parentPath).compilerOptions };
  }
  return { compilerOptions: { ...compilerOptions, ...config.compilerOptions } };
}

function flatTsconfigFile(file) {
  const dir = mkdtempSync(path.join(tmpdir(), 'wtr-tsconfig-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const flat = path.join(dir, 'tsconfig.json');
  writeFileSync(flat, JSON.stringify(flattenTsconfig(file), null, 2));
  return flat;
}

export default {
  files: ['test/components/**/*.test.ts'],
  nodeResolve: true,
  hostname: '127.0.0.1',
  // Two cores: one page at a time keeps timings steady.
  concurrency: 1,
  // An axe check of a whole meeting room takes about a second on an idle 2-core machine and several on a busy one;
  // mocha's 2 s default made those checks fail for load alone.
  testFramework: { config: { timeout: 10_000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: flatTsconfigFile('tsconfig.json') })],
  browsers: [
    // No userDataDir: puppeteer then creates a fresh temporary profile and removes it afterwards.
    chromeLauncher({
      launchOptions: {
        executablePath: '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--disable-dev-shm-usage',
          // Chromium's own fake camera and microphone, permission granted: <device-check> runs against real media APIs.
          '--use-fake-device-for-media-stream',
          '--use-fake-ui-for-media-stream',
        ],
      },
    }),
  ],
  reporters: [defaultReporter(), wtrSummaryReporter()],
};
