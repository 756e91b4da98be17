/**
 * electron-vite build of the Electron shell: main (ESM) → out/main, preload (CJS) → out/preload,
 * renderer → out/renderer. The browser build of the renderer is vite.config.ts (dist/renderer).
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { browserResolve, nodeResolve } from './vite.shared.js';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    resolve: nodeResolve,
    build: {
      outDir: resolve(root, 'out/main'),
      // Bundle zod and write-file-atomic into index.js so the packaged app ships no node_modules
      // at all (see electron-builder.yml); only `electron` and Node built-ins stay external.
      externalizeDeps: false,
      rolldownOptions: { input: { index: resolve(root, 'electron/main/index.ts') } },
    },
  },
  preload: {
    resolve: nodeResolve,
    build: {
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload can require only `electron`: bundle everything else into one file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        // Sandboxed preloads cannot be ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react()],
    resolve: browserResolve,
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      // electron-vite leaves the renderer unminified; minify it like the browser build.
      minify: true,
      // Inlined data: fonts would break the CSP (font-src 'self'); keep every asset a file.
      assetsInlineLimit: 0,
      rolldownOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
