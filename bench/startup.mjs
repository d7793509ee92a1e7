// Time from `npm start` to the demo page being served (GET / answers 200), on a fresh data folder.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = 18000 + Math.floor(Math.random() * 1000);
const dir = mkdtempSync(join(tmpdir(), 'party-startup-'));
const t0 = performance.now();
const child = spawn('npm', ['start', '--silent'], { env: { ...process.env, PORT: String(port), DATA_DIR: dir }, stdio: 'ignore', detached: true });
try {
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`);
      if (res.status === 200) break;
    } catch {}
    if (performance.now() - t0 > 30_000) throw new Error('the demo was not served within 30 s');
    await new Promise((r) => setTimeout(r, 20));
  }
  console.log(`npm start → demo page served: ${Math.round(performance.now() - t0)} ms`);
} finally {
  process.kill(-child.pid, 'SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
