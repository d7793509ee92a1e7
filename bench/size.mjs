// Bundle sizes, gzip -9: the library's dist/ (run `npm run build` first) and a page bundle of
// every element with its dependencies (lit, @lit/context, valibot), as a portal would ship it.
import { build } from 'esbuild';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;

const files = readdirSync('dist', { recursive: true })
  .map((f) => join('dist', f))
  .filter((f) => f.endsWith('.js') && statSync(f).isFile());
const raw = files.reduce((sum, f) => sum + statSync(f).size, 0);
const zipped = files.reduce((sum, f) => sum + gz(readFileSync(f)), 0);
console.log(`dist/*.js (library, dependencies external): ${kb(raw)} raw, ${kb(zipped)} gzip, ${files.length} files`);

const page = await build({ entryPoints: ['src/define.ts'], bundle: true, minify: true, format: 'esm', write: false, target: 'es2022' });
const bytes = page.outputFiles[0].contents;
console.log(`page bundle of every element with lit, @lit/context and valibot (minified): ${kb(bytes.length)} raw, ${kb(gz(bytes))} gzip`);

const lean = await build({ entryPoints: ['src/index.ts'], bundle: true, minify: true, format: 'esm', write: false, target: 'es2022', external: ['lit', 'lit/*', '@lit/*'] });
const leanBytes = lean.outputFiles[0].contents;
console.log(`all elements + core + client, minified, lit and @lit/context external: ${kb(leanBytes.length)} raw, ${kb(gz(leanBytes))} gzip`);
