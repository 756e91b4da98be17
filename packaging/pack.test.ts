/**
 * What the packed app holds: the built shell, the default content, flipped fuses, and nothing
 * else. Packs once (about 2 s) with a stand-in Electron; see pack-app.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packApp, ROOT, STOCK_FUSE_WIRE, type PackedApp } from './pack-app.js';

let packed: PackedApp;
let entries: string[];

beforeAll(async () => {
  packed = await packApp();
  entries = listPackage(packed.asar, { isPack: false }).map((entry) =>
    entry
      .replace(/^[/\\]/, '')
      .split(path.sep)
      .join('/'),
  );
}, 180_000);

afterAll(async () => {
  if (packed) await rm(packed.work, { recursive: true, force: true });
});

/** Every file (not folder) under a directory, relative to it, with forward slashes. */
function walk(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? walk(path.join(dir, entry.name), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`],
  );
}

const SHIPPED = [/^out\/main\//, /^out\/preload\//, /^out\/renderer\//, /^assets\/art\//];
const SHIPPED_FILES = [
  'package.json',
  'assets/content/content.json',
  'assets/content/settings.json',
];

describe('app.asar', () => {
  it('holds the main process, the preload, the player and the default content', () => {
    const art = readdirSync(path.join(ROOT, 'assets', 'art')).map((name) => `assets/art/${name}`);
    expect(art.length).toBeGreaterThan(0);
    for (const file of [
      'package.json',
      'out/main/index.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
      'assets/content/content.json',
      'assets/content/settings.json',
      ...art,
    ]) {
      expect(entries, file).toContain(file);
    }
    expect(entries.some((e) => /^out\/renderer\/assets\/index-[\w-]+\.js$/.test(e))).toBe(true);
  });

  it('starts at out/main/index.js', () => {
    const manifest = JSON.parse(extractFile(packed.asar, 'package.json').toString()) as {
      main: string;
    };
    expect(manifest.main).toBe('out/main/index.js');
  });

  it('holds nothing but the built output and the shipped assets', () => {
    const files = entries.filter((entry) => !entries.some((e) => e.startsWith(`${entry}/`)));
    const strays = files.filter(
      (file) => !SHIPPED_FILES.includes(file) && !SHIPPED.some((pattern) => pattern.test(file)),
    );
    expect(strays).toEqual([]);
  });

  it('has no sources, source maps, tests or native modules', () => {
    const bad = entries.filter((entry) =>
      /(\.tsx?|\.map|\.node|\.test\.[cm]?js|\.spec\.[cm]?js)$/.test(entry),
    );
    expect(bad).toEqual([]);
    for (const folder of [
      'core',
      'host',
      'electron',
      'renderer',
      'e2e',
      'bench',
      'docs',
      'build',
    ]) {
      expect(entries.filter((e) => e === folder || e.startsWith(`${folder}/`))).toEqual([]);
    }
  });

  it('needs no node_modules: none are packed, and the main bundle loads only Electron and Node', () => {
    expect(entries.filter((e) => e.split('/').includes('node_modules'))).toEqual([]);
    const external = new Set<string>();
    const seen = new Set<string>();
    let loads = 0;
    // The main bundle and the chunks it loads, followed through their relative imports.
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const specifier of runtimeLoads(extractFile(packed.asar, file).toString())) {
        loads += 1;
        if (specifier.startsWith('./') || specifier.startsWith('../')) {
          visit(path.posix.join(path.posix.dirname(file), specifier));
        } else if (specifier !== 'electron' && !isBuiltin(specifier)) {
          external.add(specifier);
        }
      }
    };
    visit('out/main/index.js');
    expect(loads).toBeGreaterThan(0);
    expect([...external]).toEqual([]);
  });
});

const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
function isBuiltin(specifier: string): boolean {
  return builtins.has(specifier) || specifier.startsWith('node:');
}

/**
 * What a bundled ES module loads when it runs: its top-level imports, its dynamic imports and the
 * bundler's CommonJS `__require` calls. Bundled libraries mention `require('x')` and
 * `import("x").Type` in strings and JSDoc; those load nothing and are left out.
 */
function runtimeLoads(code: string): string[] {
  return [
    ...code.matchAll(/^import\s[^;]*?from\s*"([^"]+)";?$/gm),
    ...code.matchAll(/^import\s*"([^"]+)";?$/gm),
    ...code.matchAll(/(?<![{\w.$])import\s*\(\s*"([^"]+)"\s*\)(?!\.[A-Za-z])/g),
    ...code.matchAll(/\b__require\s*\(\s*"([^"]+)"\s*\)/g),
  ].map((match) => match[1]!);
}

describe('the unpacked app', () => {
  it("is the stand-in Electron, renamed to the product's executable", () => {
    expect(existsSync(packed.executable)).toBe(true);
    expect(existsSync(path.join(packed.appDir, 'electron'))).toBe(false);
    expect(readFileSync(packed.executable, 'latin1')).toContain('stand-in for Electron');
  });

  it('has only app.asar in resources: nothing unpacked beside it', () => {
    expect(readdirSync(path.join(packed.appDir, 'resources'))).toEqual(['app.asar']);
  });

  it('has no native module anywhere', () => {
    expect(walk(packed.appDir).filter((file) => file.endsWith('.node'))).toEqual([]);
  });
});

describe('Electron fuses', () => {
  const expected: Partial<Record<keyof typeof FuseV1Options, '0' | '1'>> = {
    RunAsNode: '0',
    EnableNodeOptionsEnvironmentVariable: '0',
    EnableNodeCliInspectArguments: '0',
    GrantFileProtocolExtraPrivileges: '0',
    OnlyLoadAppFromAsar: '1',
    EnableEmbeddedAsarIntegrityValidation: '1',
  };

  it('are flipped in the packed executable by the afterPack hook', async () => {
    const wire = await getCurrentFuseWire(packed.executable);
    for (const [name, state] of Object.entries(expected)) {
      const index = FuseV1Options[name as keyof typeof FuseV1Options];
      // The stand-in started with the opposite state, so a hook that did nothing fails here.
      expect(STOCK_FUSE_WIRE[index], `${name} before`).not.toBe(state);
      expect(String.fromCharCode(wire[index] as number), name).toBe(state);
    }
  });

  it('leave the fuses the kiosk does not set as they were', async () => {
    const wire = (await getCurrentFuseWire(packed.executable)) as unknown as Record<number, number>;
    const untouched = [
      FuseV1Options.EnableCookieEncryption,
      FuseV1Options.LoadBrowserProcessSpecificV8Snapshot,
      8,
    ];
    for (const index of untouched) {
      expect(String.fromCharCode(wire[index]!)).toBe(STOCK_FUSE_WIRE[index]);
    }
  });
});
