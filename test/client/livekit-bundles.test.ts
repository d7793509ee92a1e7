/**
 * livekit-client (about 155 kB gzip) is in no bundle of the SDK: not the main
 * entry, not the room with every chunk it may load (the LiveKit adapter's
 * among them), not the standalone build's, not the demo's. It comes only
 * from a page that uses media="livekit" (docs/media-livekit.md). Built here
 * with esbuild as the builds do (bench/size.mjs checks the vite builds in
 * dist/); the markers are livekit-client's own strings, and a bundle that does
 * include livekit-client shows them, so the check can fail.
 */
import assert from 'node:assert/strict';
import { build, type BuildOptions } from 'esbuild';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../e2e/helpers.js';

/** Protobuf type names of @livekit/protocol and a log message of livekit-client: in any bundle that carries it. */
const MARKERS = /livekit\.(SignalRequest|ParticipantInfo|JoinResponse)|adaptivestream video visibility/;

/** The text of every JavaScript file a build writes. */
async function bundled(entry: string, options: BuildOptions = {}): Promise<string[]> {
  const result = await build({
    entryPoints: [join(repoRoot, entry)],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
    outdir: join(repoRoot, 'bundle-check.tmp'),
    ...options,
  });
  return (result.outputFiles ?? []).filter((f) => f.path.endsWith('.js')).map((f) => f.text);
}

const carries = (files: readonly string[]) => files.some((text) => MARKERS.test(text));

describe('livekit-client is in no bundle of the SDK', { timeout: 60_000 }, () => {
  it('the main entry (every element, core, client), with lit included', async () => {
    assert.equal(carries(await bundled('src/index.ts')), false);
  });

  it('the room and every chunk it may load (the LiveKit adapter’s too), split as the standalone build is', async () => {
    const files = await bundled('src/standalone.ts', { splitting: true });
    assert.ok(files.length > 5, `${files.length} files`);
    assert.equal(carries(files), false);
  });

  it('the demo portal’s bundle (no splitting: every adapter inlined), livekit-client external as server/demo.ts builds it', async () => {
    assert.equal(carries(await bundled('demo/main.ts', { external: ['livekit-client'] })), false);
  });

  it('a page that bundles the LiveKit adapter with its loader carries livekit-client (the markers work)', async () => {
    assert.equal(carries(await bundled('test/media/livekit/entry.ts')), true);
  });
});
