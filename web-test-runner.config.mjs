// Element tests in real Chromium (Debian's, never a downloaded one), served from 127.0.0.1 only.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { tsImport } from 'tsx/esm/api';
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

/**
 * The real meeting server with its REST API (test/helpers/console-api.ts) for the console elements' tests, started in this
 * process on first use and stopped with wtr. The page calls /api on its own origin, proxied here, so no test needs CORS; it asks
 * for admin tokens and held meetings with `executeServerCommand('party-api', …)`.
 */
let consoleApi;
const startConsoleApi = () =>
  (consoleApi ??= tsImport('./test/helpers/console-api.ts', import.meta.url).then((module) => module.ConsoleApi.start()));

const FORWARDED_REQUEST = ['authorization', 'content-type', 'accept'];
const DROPPED_RESPONSE = ['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'content-encoding'];

async function readRequest(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Proxies /api/* to the harness's server. */
async function apiProxy(ctx, next) {
  if (!ctx.path.startsWith('/api/')) return next();
  const api = await startConsoleApi();
  const headers = Object.fromEntries(FORWARDED_REQUEST.filter((name) => ctx.get(name)).map((name) => [name, ctx.get(name)]));
  const body = ctx.method === 'GET' || ctx.method === 'HEAD' ? undefined : await readRequest(ctx.req);
  const answer = await fetch(`${api.url}${ctx.url}`, { method: ctx.method, headers, body });
  ctx.status = answer.status;
  for (const [name, value] of answer.headers) if (!DROPPED_RESPONSE.includes(name)) ctx.set(name, value);
  ctx.body = Buffer.from(await answer.arrayBuffer());
}

/** The `party-api` server command, and the harness stopped with wtr. */
const consoleApiPlugin = {
  name: 'party-console-api',
  async executeCommand({ command, payload }) {
    if (command !== 'party-api') return undefined;
    return (await startConsoleApi()).run(payload);
  },
  async serverStop() {
    if (consoleApi) await (await consoleApi).stop();
  },
};

export default {
  files: ['test/components/**/*.test.ts'],
  nodeResolve: true,
  hostname: '127.0.0.1',
  // Two cores: one page at a time keeps timings steady.
  concurrency: 1,
  // An axe check of a whole meeting room takes about a second on an idle 2-core machine and several on a busy one;
  // mocha's 2 s default made those checks fail for load alone.
  testFramework: { config: { timeout: 10_000 } },
  middleware: [apiProxy],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: flatTsconfigFile('tsconfig.json') }), consoleApiPlugin],
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
