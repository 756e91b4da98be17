/**
 * Where the Electron binary is, found the way node_modules/electron/index.js finds it, without
 * ever triggering its download.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The project's root folder. */
export const ROOT = path.resolve(import.meta.dirname, '..');

/** The Electron executable, or why there is none on this machine. */
export type ElectronBinary = { path: string } | { missing: string };

/** Find the Electron executable installed for this project. */
export function findElectronBinary(root: string = ROOT): ElectronBinary {
  const packageDir = path.join(root, 'node_modules', 'electron');
  if (!existsSync(packageDir)) return { missing: 'the electron package is not installed' };
  const pathFile = path.join(packageDir, 'path.txt');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  if (!relative && !override) {
    return {
      missing:
        'node_modules/electron/path.txt is absent, so the binary was never downloaded ' +
        '(Electron 45 fetches it from GitHub on first launch, which this machine cannot reach)',
    };
  }
  const file = override
    ? path.join(override, relative ?? 'electron')
    : path.join(packageDir, 'dist', relative ?? '');
  return existsSync(file) ? { path: file } : { missing: `${file} does not exist` };
}
