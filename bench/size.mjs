// Bundle sizes, gzip -9, as a portal ships them.
//  1. The library's dist/ (run `npm run build` first).
//  2. What a member's phone downloads for <party-meeting-room>, lit and @lit/context external
//     (the page's bundler or the standalone build brings them): the room and everything it needs to
//     connect and show the meeting, then the parts of the default layout, which load as chunks right after.
//  3. Every element + core + client in one bundle (the issue-5 figure; target 30 kB).
//  4. Each element on its own, and the share of the translation tables.
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const litExternal = ['lit', 'lit/*', '@lit/*'];
const common = { bundle: true, minify: true, format: 'esm', write: false, target: 'es2022', logLevel: 'silent' };

/** Bundles the given module text (as an entry inside src/) and returns its gzip size. */
async function gzipOf(contents, options = {}) {
  const entry = join('src', 'size-entry.tmp.ts');
  writeFileSync(entry, contents);
  try {
    const result = await build({ ...common, external: litExternal, entryPoints: [entry], ...options });
    return result.outputFiles.reduce((sum, f) => sum + (f.path.endsWith('.map') ? 0 : gz(f.contents)), 0);
  } finally {
    rmSync(entry, { force: true });
  }
}

// 1. dist/
try {
  const files = readdirSync('dist', { recursive: true })
    .map((f) => join('dist', f))
    .filter((f) => f.endsWith('.js') && !f.includes('standalone') && statSync(f).isFile());
  const raw = files.reduce((sum, f) => sum + statSync(f).size, 0);
  console.log(`dist/ library build (not minified, dependencies external): ${kb(raw)} raw, ${kb(files.reduce((s, f) => s + gz(readFileSync(f)), 0))} gzip, ${files.length} files`);
} catch {
  console.log('dist/: not built (run `npm run build` for this line)');
}

// 2. The room on a phone: the first download, then the chunks.
const split = await build({ ...common, external: litExternal, entryPoints: ['src/components/party-meeting-room/define.ts'], splitting: true, outdir: 'size-out', metafile: true });
const outputs = split.metafile.outputs;
const bytesOf = new Map(split.outputFiles.map((f) => [f.path.slice(f.path.indexOf('size-out')), f.contents]));
// The room's own output: every dynamically imported module (the parts, the media adapters) is an entry point too.
const entryName = Object.keys(outputs).find((name) => outputs[name].entryPoint === 'src/components/party-meeting-room/define.ts');
const first = new Set();
const visit = (name) => {
  if (first.has(name)) return;
  first.add(name);
  for (const imported of outputs[name].imports) if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
};
visit(entryName);
const jsOutputs = Object.keys(outputs).filter((name) => name.endsWith('.js'));
const sizeOf = (names) => names.reduce((sum, name) => sum + gz(bytesOf.get(name)), 0);
const initial = sizeOf([...first]);
const later = sizeOf(jsOutputs.filter((name) => !first.has(name)));
console.log(`<party-meeting-room>, first download (room, client, core; lit external): ${kb(initial)} gzip (within 30 kB: ${initial <= 30 * 1024 ? 'yes' : 'no'})`);
console.log(`<party-meeting-room>, the default layout's parts, loaded right after as ${jsOutputs.length - first.size} chunks: ${kb(later)} gzip`);

// 3. Everything in one bundle.
const elements = readdirSync('src/components').filter((name) => name !== 'shared' && statSync(join('src/components', name, 'define.ts'), { throwIfNoEntry: false }));
const all = await gzipOf(`import './define.js';`);
console.log(`every element + core + client in one bundle, lit external: ${kb(all)} gzip (issue 5's target 30 kB: ${all <= 30 * 1024 ? 'met' : 'NOT met'})`);
const withLit = await gzipOf(`import './define.js';`, { external: [] });
console.log(`the same with lit, @lit/context and valibot included (the standalone build): ${kb(withLit)} gzip`);

// 4. Each element alone, and the translation tables.
for (const name of elements) console.log(`  <${name}> alone${name === 'party-meeting-room' ? ' (with the parts it loads)' : ''}: ${kb(await gzipOf(`import './components/${name}/define.js';`))} gzip`);
const tables = readdirSync('src/components', { recursive: true }).filter((f) => f.endsWith('.strings.ts') || f.endsWith('i18n.ts'));
const strings = await gzipOf(tables.map((f, i) => `export * as t${i} from './components/${f.replace(/\.ts$/, '.js')}';`).join('\n'));
console.log(`  translation tables (Vietnamese and English) within those: ${kb(strings)} gzip`);

// 5. LiveKit: its adapter on its own (livekit-client external: the page brings it, only for media="livekit"),
//    what a page downloads with livekit-client bundled in, and a check that no build of the SDK carries livekit-client.
//    The markers are livekit-client's own strings (protobuf type names of @livekit/protocol, a log message).
const LIVEKIT_MARKERS = /livekit\.(SignalRequest|ParticipantInfo|JoinResponse)|adaptivestream video visibility/;
const livekitAlone = await gzipOf(`export * from './adapters/media/livekit/index.js';`, { external: [...litExternal, 'livekit-client'] });
console.log(`LiveKit adapter alone (livekit-client external): ${kb(livekitAlone)} gzip`);
const livekitWith = await gzipOf(`export * from './adapters/media/livekit/index.js'; export const load = () => import('livekit-client');`, { external: litExternal });
console.log(`the LiveKit adapter with livekit-client bundled (a page using media="livekit" downloads it on joining): ${kb(livekitWith)} gzip`);
const carriers = (dir) =>
  readdirSync(dir, { recursive: true })
    .map((f) => join(dir, f))
    .filter((f) => f.endsWith('.js') && statSync(f).isFile() && LIVEKIT_MARKERS.test(readFileSync(f, 'utf8')));
const roomCarries = split.outputFiles.some((f) => f.path.endsWith('.js') && LIVEKIT_MARKERS.test(new TextDecoder().decode(f.contents)));
console.log(`livekit-client in the room's bundle (first download and every chunk): ${roomCarries ? 'PRESENT' : 'absent'}`);
try {
  const inDist = carriers('dist');
  console.log(`livekit-client in dist/ (main entry, every entry and chunk, and the standalone build): ${inDist.length > 0 ? `PRESENT in ${inDist.join(', ')}` : 'absent'}`);
} catch {
  console.log('livekit-client in dist/: not built (run `npm run build` for this line)');
}
