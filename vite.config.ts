/** Vite build of the renderer for the browser host (`dist/renderer`). */
import react from '@vitejs/plugin-react';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import { browserResolve } from './vite.shared.js';

/** The font file every first slide needs (Latin script), asked for before the CSS names it. */
const PRELOADED_FONT = /^assets\/inter-latin-wght-normal-[\w-]+\.woff2$/;

/** Add `<link rel="preload">` for the first slide's font to the built index.html. */
function preloadFont(): Plugin {
  return {
    name: 'openness-preload-font',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const font = Object.keys(context.bundle ?? {}).find((name) => PRELOADED_FONT.test(name));
        if (!font) return [];
        return [
          {
            tag: 'link',
            attrs: {
              rel: 'preload',
              as: 'font',
              type: 'font/woff2',
              crossorigin: '',
              href: `./${font}`,
            },
            injectTo: 'head',
          },
        ];
      },
    },
  };
}

/**
 * Write `.vite/module-sizes.json`: for each emitted chunk, its modules with their rendered size
 * and gzip size (before minification); the bench shares each chunk's real gzip size out by these.
 */
function moduleSizes(): Plugin {
  return {
    name: 'openness-module-sizes',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks: Record<string, { module: string; bytes: number; gzip: number }[]> = {};
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        chunks[output.fileName] = Object.entries(output.modules).map(([id, module]) => ({
          module: path
            .relative(import.meta.dirname, id.replace(/^\0/, ''))
            .replaceAll(path.sep, '/'),
          bytes: module.renderedLength,
          gzip: module.code ? gzipSync(module.code).length : 0,
        }));
      }
      this.emitFile({
        type: 'asset',
        fileName: '.vite/module-sizes.json',
        source: JSON.stringify(chunks, null, 1),
      });
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), preloadFont(), moduleSizes()],
  resolve: browserResolve,
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    assetsInlineLimit: 0,
    // Every browser the kiosk runs in supports modulepreload.
    modulePreload: { polyfill: false },
  },
});
