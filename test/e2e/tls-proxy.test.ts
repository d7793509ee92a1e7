/**
 * The production setup of docs/deploy.md, for real: Debian's nginx on
 * 127.0.0.1 with a self-signed certificate in front of the meeting server,
 * configured from deploy/nginx.conf.template, and a browser joining the
 * meeting through it over https:// and wss:// (the WebSocket upgrade headers,
 * the long timeouts, the client's address forwarded to the server's log).
 *
 * Run: node --import tsx --test test/e2e/tls-proxy.test.ts
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { JoinTokens } from '../../server/tokens.js';
import { CHROMIUM_ARGS, ServerProcess, freePort, repoRoot, waitFor } from './helpers.js';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path));
const SECRET = 'tls-proxy-test-secret-long-enough-for-hs256';
const MEETING = 'vnpt-van-yen-2026-11';
const CHAIR = 'hoang-van-minh';

describe('behind nginx with TLS', { skip: NGINX ? false : 'skipped: nginx is not installed (bash scripts/install-system.sh installs it)' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'tls-proxy-'));
  let server: ServerProcess;
  let nginx: ChildProcess;
  let browser: Browser;
  let httpsUrl: string;

  before(async () => {
    chmodSync(dir, 0o755); // nginx's workers run as an unprivileged user
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    const [serverPort, proxyPort] = [await freePort(), await freePort()];
    server = ServerProcess.start('server', { PORT: serverPort, DATA_DIR: join(dir, 'data'), PARTY_JWT_SECRET: SECRET, TRUST_PROXY: '1' });
    await server.ready(`http://127.0.0.1:${serverPort}`);
    mkdirSync(join(dir, 'tmp'));
    // nginx connects to the server from 127.0.0.2, so the server can tell the proxy's address from the browser's (127.0.0.1).
    const config = readFileSync(join(repoRoot, 'deploy', 'nginx.conf.template'), 'utf8')
      .replaceAll('{{LISTEN}}', `127.0.0.1:${proxyPort}`)
      .replaceAll('{{SERVER_NAME}}', '127.0.0.1')
      .replaceAll('{{CERT}}', join(dir, 'cert.pem'))
      .replaceAll('{{KEY}}', join(dir, 'key.pem'))
      .replaceAll('{{UPSTREAM}}', `127.0.0.1:${serverPort}`)
      .replaceAll('{{PREFIX}}', dir)
      .replaceAll('{{EXTRA}}', 'proxy_bind 127.0.0.2;')
      .replace('worker_processes auto;', 'worker_processes 1;');
    writeFileSync(join(dir, 'nginx.conf'), config);
    nginx = spawn(NGINX!, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
    httpsUrl = `https://127.0.0.1:${proxyPort}`;
    await waitFor('nginx answers over TLS', async () => {
      assert.equal(nginx.exitCode, null, 'nginx exited');
      // A TLS handshake with the proxy succeeds (the browser below checks what it serves).
      execFileSync('openssl', ['s_client', '-connect', `127.0.0.1:${proxyPort}`, '-brief'], { input: '', stdio: ['pipe', 'ignore', 'ignore'], timeout: 2000 });
    }, 10_000);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    nginx?.kill('SIGQUIT');
    if (nginx && nginx.exitCode === null) await new Promise((resolve) => nginx.once('exit', resolve));
    await server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the meeting over https and its WebSocket over wss, and logs the member\'s own address', async () => {
    const token = await new JoinTokens(SECRET).sign({ meetingId: MEETING, participantId: CHAIR, role: 'chair' }, '1h');
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    await page.goto(`${httpsUrl}/?invite=${encodeURIComponent(token)}`);
    await waitFor('connected through the proxy', async () => {
      assert.equal(await page.locator('party-meeting-room [data-connection]').getAttribute('data-connection'), 'connected');
    }, 15_000);
    assert.ok(sockets.length > 0 && sockets.every((url) => url.startsWith(`wss://127.0.0.1:`)), `WebSockets: ${sockets.join(', ')}`);
    // A command goes through and its event comes back over the same wss connection.
    await page.getByRole('button', { name: 'Khai mạc cuộc họp' }).click();
    await waitFor('the meeting opened', async () => {
      assert.equal(await page.locator('party-meeting-room [data-meeting-phase]').getAttribute('data-meeting-phase'), 'open');
    });
    // The server saw the proxy (127.0.0.2) and logged the browser's address (127.0.0.1) from X-Forwarded-For.
    const connected = server.output
      .join('')
      .split('\n')
      .filter((line) => line.includes('"participant connected"'))
      .map((line) => JSON.parse(line) as { address?: string; via?: string });
    assert.deepEqual(connected.at(-1) && { address: connected.at(-1)!.address, via: connected.at(-1)!.via }, { address: '127.0.0.1', via: '127.0.0.2' });
    await context.close();
  });
});
