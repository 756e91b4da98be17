/**
 * electron-builder.yml and what it points at: valid by electron-builder's own schema, the targets
 * IT needs, and deb extras that stay inside the package's own files.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './pack-app.js';

/** electron-builder's debug logger, switched off. */
const quietLogger = { isEnabled: false, add: () => undefined } as unknown as Parameters<
  typeof validateConfiguration
>[1];

let config: Configuration;

beforeAll(async () => {
  config = await getConfig(ROOT, path.join(ROOT, 'electron-builder.yml'), null);
});

/** The targets and architectures configured for a platform, as [target, arch[]] pairs. */
function targets(platform: { target?: unknown } | null | undefined): [string, unknown][] {
  const list = (platform?.target ?? []) as { target: string; arch?: unknown }[];
  return list.map((entry) => [entry.target, entry.arch]);
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    await expect(validateConfiguration(config, quietLogger)).resolves.toBeUndefined();
  });

  it('would be caught by that validation if it were wrong', async () => {
    const wrong = { ...config, linux: { ...config.linux, targett: 'deb' } } as Configuration;
    await expect(validateConfiguration(wrong, quietLogger)).rejects.toThrow(/configuration\.linux/);
  });

  it('names the app and packs it into an asar from build/ resources', () => {
    expect(config.appId).toBe('be.openness.kiosk');
    expect(config.productName).toBe('Openness Kiosk');
    expect(config.asar).toBe(true);
    expect(config.directories?.buildResources).toBe('build');
  });

  it('packs only the built output, the default content and package.json', () => {
    // getConfig gathers the patterns into one file set: [{ filter: [...] }].
    const patterns = (config.files as (string | { filter: string[] })[]).flatMap((entry) =>
      typeof entry === 'string' ? [entry] : entry.filter,
    );
    const includes = patterns.filter((pattern) => !pattern.startsWith('!'));
    expect(includes.sort()).toEqual(
      [
        'out/main/**',
        'out/preload/**',
        'out/renderer/**',
        'assets/art/**',
        'assets/content/**',
        'package.json',
      ].sort(),
    );
    expect(patterns).toContain('!**/*.map');
  });

  it('builds AppImage and deb for x64 and arm64, NSIS for Windows and dmg for macOS', () => {
    expect(targets(config.linux)).toEqual([
      ['AppImage', ['x64', 'arm64']],
      ['deb', ['x64', 'arm64']],
    ]);
    expect(targets(config.win)[0]?.[0]).toBe('nsis');
    expect(targets(config.mac)[0]?.[0]).toBe('dmg');
  });

  it('rebuilds nothing natively and packs no node_modules, through hooks that exist', async () => {
    expect(config.nodeGypRebuild).toBe(false);
    for (const hook of [config.beforeBuild, config.afterPack]) {
      expect(typeof hook).toBe('string');
      expect(existsSync(path.resolve(ROOT, hook as string)), String(hook)).toBe(true);
    }
    const beforeBuild = (await import(path.resolve(ROOT, config.beforeBuild as string))) as {
      default: () => Promise<boolean>;
    };
    // false = "node_modules are handled externally": no rebuild, no dependencies copied.
    await expect(beforeBuild.default()).resolves.toBe(false);
  });

  it('points every platform at an icon that exists', () => {
    expect(config.linux?.icon).toBe('build/icons');
    expect(statSync(path.join(ROOT, 'build/icons')).isDirectory()).toBe(true);
    for (const icon of [config.win?.icon, config.mac?.icon]) {
      expect(existsSync(path.join(ROOT, String(icon))), String(icon)).toBe(true);
    }
  });
});

describe('the deb', () => {
  const installDir = () => `/opt/${config.productName}`;
  const executable = () => `${installDir()}/${config.linux?.executableName}`;
  const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
  /** A maintainer script as electron-builder writes it: its two macros filled in. */
  const script = (file: string) =>
    read(file)
      .replaceAll('${sanitizedProductName}', String(config.productName))
      .replaceAll('${executable}', String(config.linux?.executableName));

  it('ships the systemd user unit and the /usr/bin launcher as files of its own', () => {
    const fpm = config.deb?.fpm ?? [];
    expect(fpm).toEqual([
      'build/linux/openness-kiosk.service=/usr/lib/systemd/user/openness-kiosk.service',
      'build/linux/openness-kiosk.sh=/usr/bin/openness-kiosk',
    ]);
    for (const mapping of fpm)
      expect(existsSync(path.join(ROOT, mapping.split('=')[0]!))).toBe(true);
    // dpkg installs files with the mode they have here.
    expect(statSync(path.join(ROOT, 'build/linux/openness-kiosk.sh')).mode & 0o111).not.toBe(0);
  });

  it('has a user unit that starts the installed kiosk with the session and restarts it', () => {
    const unit = read('build/linux/openness-kiosk.service');
    expect(unit).toContain(`ExecStart="${executable()}"\n`);
    expect(unit).toMatch(/^Restart=always$/m);
    expect(unit).toMatch(/^RestartSec=3$/m);
    expect(unit).toMatch(/^\[Install\]\nWantedBy=graphical-session\.target$/m);
  });

  it('has a launcher that runs the installed kiosk', () => {
    expect(read('build/linux/openness-kiosk.sh')).toContain(`exec "${executable()}" "$@"`);
  });

  it('has maintainer scripts of its own that touch nothing outside its install folder', () => {
    expect(config.deb?.afterInstall).toBe('build/linux/after-install.sh');
    expect(config.deb?.afterRemove).toBe('build/linux/after-remove.sh');
    for (const file of ['build/linux/after-install.sh', 'build/linux/after-remove.sh']) {
      const commands = script(file)
        .split('\n')
        .filter((line) => line.trim() && !line.startsWith('#'));
      const paths = commands.flatMap((line) => [...line.matchAll(/'(\/[^']*)'/g)].map((m) => m[1]));
      for (const target of paths) expect(target, file).toMatch(new RegExp(`^${installDir()}/`));
      expect(commands.join('\n')).not.toMatch(
        /update-alternatives|ln -s|apparmor|\/etc\/|\/usr\/|systemctl/,
      );
    }
    expect(script('build/linux/after-install.sh')).toContain(
      `chmod 4755 '${installDir()}/chrome-sandbox'`,
    );
  });
});
