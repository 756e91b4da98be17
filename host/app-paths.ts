/**
 * Where the app's own files are: shipped assets and the built renderer.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding the app's package.json, found by walking up from `from`. */
export function findAppRoot(from: string = path.dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      const name = (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name;
      if (name === 'openness-kiosk') return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the openness-kiosk folder above ${from}`);
    dir = parent;
  }
}

/** Paths of the app's shipped files. */
export interface AppPaths {
  root: string;
  assetsDir: string;
  rendererDir: string;
  version: string;
}

/** Resolve the app's paths from its root folder. */
export function appPaths(root: string = findAppRoot()): AppPaths {
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    version: string;
  };
  return {
    root,
    assetsDir: path.join(root, 'assets'),
    rendererDir: path.join(root, 'dist', 'renderer'),
    version,
  };
}
