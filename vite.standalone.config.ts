import { defineConfig } from 'vite';

// One self-contained file with lit included, for a CMS editor's single
// <script type="module" src=".../party-meeting.js">: no bundler, no import map.
export default defineConfig({
  build: {
    target: 'es2022',
    outDir: 'dist/standalone',
    emptyOutDir: false,
    sourcemap: true,
    minify: true,
    lib: {
      entry: { 'party-meeting': 'src/define.ts' },
      formats: ['es'],
    },
    rollupOptions: {
      output: { entryFileNames: '[name].js' },
    },
  },
});
