import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The page's first script (src/boot.ts) is small so that it can ask the API for the first view's
 * data at once, and it then imports the app (src/main.tsx). Preloading the app's files from the
 * HTML lets the browser fetch them beside the boot script rather than after it has run.
 */
function preloadTheApp(): Plugin {
  return {
    name: 'ecm-preload-the-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).flatMap((c) => (c.type === 'chunk' ? [c] : []));
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        const app = chunks.find((c) => c.facadeModuleId?.endsWith('/src/main.tsx'));
        if (!app) throw new Error('vite.config.ts: the app chunk (src/main.tsx) was not found');
        const files = new Set<string>();
        const visit = (file: string) => {
          if (files.has(file)) return;
          files.add(file);
          byFile.get(file)?.imports.forEach(visit);
        };
        visit(app.fileName);
        return [...files]
          .filter((f) => !html.includes(`/tab/${f}"`))
          .map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/tab/${f}` }, injectTo: 'head' as const }));
      },
    },
  };
}

/** The tab is served by the API's own server at /tab, so it is built with that base. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/tab/',
  plugins: [react(), preloadTheApp()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 900,
    // Fewer, larger files for the first render: React in one, and the libraries (Fluent UI above all) that four or
    // more of the views share in another, rather than thirty-odd small chunks (over HTTP/1.1 a
    // browser fetches six at a time). What only one to three views use stays with them, which keeps
    // the initial JavaScript within its budget (tests/bench/tab.bench.ts).
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'libs', test: /node_modules[\\/](?!@microsoft[\\/]teams-js)/, minShareCount: 4 },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3978' } },
});
