/**
 * Autostart: start the kiosk when its user logs in, following the `autostart` setting.
 *
 * Windows and macOS use Electron's login items. Linux has no such API, so the kiosk writes an XDG
 * autostart entry, `$XDG_CONFIG_HOME/autostart/openness-kiosk.desktop` (default `~/.config`),
 * pointing at the running executable (the AppImage when it runs as one), and deletes it when the
 * setting is off. A development run (`npm start`, not packaged) registers nothing: its executable
 * is a bare Electron that would not find the app. Failures are logged, never thrown: a kiosk
 * that cannot register itself must still play.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { app } from 'electron';
import type { ContentSnapshot } from '#core/contract';
import { log } from './logger.js';

/** File name of the Linux autostart entry. */
export const AUTOSTART_FILE = 'openness-kiosk.desktop';

/** What autostart needs to know about the running process. */
export interface AutostartContext {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** The executable to start: the AppImage when it runs as one, else the process's own. */
  executable: string;
  /** Whether this is an installed build rather than `npm start`. */
  packaged: boolean;
}

/** The running process's context. */
export function currentContext(): AutostartContext {
  return {
    platform: process.platform,
    env: process.env,
    executable: process.env.APPIMAGE || process.execPath,
    packaged: app.isPackaged,
  };
}

/** Where the Linux autostart entry goes. */
export function autostartEntryPath(env: NodeJS.ProcessEnv): string {
  const config = env.XDG_CONFIG_HOME || path.join(env.HOME || os.homedir(), '.config');
  return path.join(config, 'autostart', AUTOSTART_FILE);
}

/** One argument of a desktop entry's Exec key, quoted and escaped as the XDG spec asks. */
export function desktopExecArg(arg: string): string {
  // Inside double quotes, ", `, $ and \ take a backslash; the string-value escaping then doubles
  // every backslash again, and % is a field code unless written %%.
  const quoted = arg.replace(/["`$\\]/g, (c) => `\\${c}`);
  return `"${quoted.replace(/\\/g, '\\\\').replace(/%/g, '%%')}"`;
}

/** The text of the Linux autostart entry for an executable. */
export function autostartEntry(executable: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Openness Kiosk',
    'Comment=Starts the Openness Kiosk when this user logs in',
    `Exec=${desktopExecArg(executable)}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

async function writeLinuxEntry(file: string, text: string): Promise<boolean> {
  const existing = await readFile(file, 'utf8').catch(() => null);
  if (existing === text) return false;
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, text);
  await rename(temp, file);
  return true;
}

/** Register or unregister the kiosk as a login item; returns what it did, for the log. */
export async function applyAutostart(
  enabled: boolean,
  context: AutostartContext = currentContext(),
): Promise<string> {
  if (!context.packaged) return 'not packaged (npm start): autostart left alone';
  if (context.platform === 'linux') {
    const file = autostartEntryPath(context.env);
    if (enabled) {
      const changed = await writeLinuxEntry(file, autostartEntry(context.executable));
      return changed ? `wrote ${file}` : `${file} is up to date`;
    }
    await rm(file, { force: true });
    return `removed ${file} (if it was there)`;
  }
  if (app.getLoginItemSettings().openAtLogin === enabled) return `login item already ${enabled}`;
  app.setLoginItemSettings({ openAtLogin: enabled });
  return `login item set to ${enabled}`;
}

/** The autostart setting of a snapshot; read loosely so older settings files mean "off". */
export function autostartSetting(snapshot: Pick<ContentSnapshot, 'settings'>): boolean {
  return (snapshot.settings as { autostart?: unknown } | undefined)?.autostart === true;
}

/** What setupAutostart needs from the content store. */
export interface SettingsSource {
  snapshot(): Pick<ContentSnapshot, 'settings'>;
  onChange(listener: (snapshot: ContentSnapshot) => void): unknown;
}

/**
 * Apply the autostart setting now and whenever it changes; resolves once the first is applied.
 *
 * Changes are applied one after another, so a quick off-on-off always ends in the last state.
 */
export function setupAutostart(
  store: SettingsSource,
  context: AutostartContext = currentContext(),
): Promise<void> {
  let applied: boolean | undefined;
  let queue = Promise.resolve();
  const apply = (enabled: boolean) => {
    if (enabled === applied) return queue;
    applied = enabled;
    queue = queue.then(async () => {
      try {
        log().info(
          `autostart ${enabled ? 'on' : 'off'}: ${await applyAutostart(enabled, context)}`,
        );
      } catch (error) {
        log().warn(`autostart ${enabled ? 'on' : 'off'} failed: ${String(error)}`);
      }
    });
    return queue;
  };
  store.onChange((snapshot) => void apply(autostartSetting(snapshot)));
  return apply(autostartSetting(store.snapshot()));
}
