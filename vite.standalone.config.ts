import { defineConfig } from 'vite';

// A self-contained build with lit included, for a CMS editor's single
// <script type="module" src=".../party-meeting.js">: no bundler, no import map.
// The room comes in that file; the other elements follow as chunks beside it.
export default defineConfig({
  build: {
    target: 'es2022',
    outDir: 'dist/standalone',
    emptyOutDir: false,
    sourcemap: true,
    minify: true,
    lib: {
      entry: { 'party-meeting': 'src/standalone.ts' },
      formats: ['es'],
    },
    rollupOptions: {
      // LiveKit comes from the page's import map, only when media="livekit" is used (docs/media-livekit.md).
      external: [/^livekit-client($|\/)/],
      output: {
        entryFileNames: '[name].js',
        // An element's chunk is named for its element, not for its file (every element's entry is a define.ts).
        chunkFileNames: (chunk) => `chunks/${/components\/([^/]+)\/define\.ts$/.exec(chunk.moduleIds.at(-1) ?? '')?.[1] ?? '[name]'}-[hash].js`,
      },
    },
  },
});
