import { defineConfig } from 'vite';

// Library build: one ES module per entry point, dependencies left to the host page's bundler.
export default defineConfig({
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    lib: {
      entry: {
        index: 'src/index.ts',
        core: 'src/core/index.ts',
        client: 'src/client/index.ts',
        define: 'src/define.ts',
        room: 'src/components/party-meeting-room/define.ts',
        // Its own entry (package export ./adapters/livekit); livekit-client stays the page's (an optional peer dependency).
        'adapters/livekit': 'src/adapters/media/livekit/index.ts',
      },
      formats: ['es'],
    },
    rollupOptions: {
      external: [/^lit($|\/)/, /^@lit\//, /^valibot$/, /^livekit-client($|\/)/],
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
});
