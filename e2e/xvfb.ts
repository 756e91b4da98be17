/**
 * A bare X server for the kiosk specs: Xvfb with its root window painted magenta, so any part of
 * the screen the kiosk leaves uncovered shows in a screenshot of the root window.
 */
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The colour of the bare root window: a colour the player never draws. */
const BARE = [255, 0, 255] as const;

/** A running X server. */
export interface XServer {
  /** `:N` */
  display: string;
  width: number;
  height: number;
  /** Screenshot of the whole root window, saved as PNG at `file` and measured. */
  screenshot(file: string): Promise<ScreenCoverage>;
  /** Start a window manager on this server; stopped with the server. */
  startWindowManager(command: string, args: string[]): Promise<void>;
  stop(): Promise<void>;
}

/** What a root-window screenshot shows. */
export interface ScreenCoverage {
  /** Pixels where the bare root window shows through. */
  barePixels: number;
  /** Columns (x) and rows (y) where it does, e.g. the right half of the screen. */
  bareColumns: number;
  bareRows: number;
  /** Distinct colours (a painted player has many; a blank window one or two). */
  colours: number;
}

/** Whether a program is on PATH. */
export function installed(program: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${program}`]).status === 0;
}

/** Whether the X tools these specs need are there (apt: xvfb imagemagick x11-xserver-utils). */
export function hasXTools(): boolean {
  return ['Xvfb', 'import', 'convert', 'xsetroot'].every(installed);
}

/**
 * Start Xvfb at a size on a free display number, with the root window painted magenta.
 *
 * `-ac` lets any local user connect, as a kiosk user's session would to its own X server;
 * `-noreset` keeps the painted root when the last client leaves (else it turns black again).
 */
export async function startXvfb(width: number, height: number): Promise<XServer> {
  const xvfb = spawn(
    'Xvfb',
    [
      '-displayfd',
      '3',
      '-screen',
      '0',
      `${width}x${height}x24`,
      '-nolisten',
      'tcp',
      '-ac',
      '-noreset',
    ],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const children: ChildProcess[] = [];
  let stderr = '';
  xvfb.stderr!.on('data', (chunk) => (stderr += chunk));
  const number = await new Promise<string>((resolve, reject) => {
    let out = '';
    const fd3 = xvfb.stdio[3] as NodeJS.ReadableStream;
    fd3.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(out.trim());
    });
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}:\n${stderr}`)));
  });
  const display = `:${number}`;
  const env = { ...process.env, DISPLAY: display };
  await run('xsetroot', ['-solid', `rgb:${BARE.map((c) => c.toString(16)).join('/')}`], { env });
  const server: XServer = {
    display,
    width,
    height,
    async screenshot(file) {
      await run('import', ['-window', 'root', file], { env });
      const { stdout } = await run('convert', [file, '-depth', '8', 'rgb:-'], {
        encoding: 'buffer',
        maxBuffer: width * height * 3 + 1024,
      });
      return coverage(stdout, width, height);
    },
    async startWindowManager(command, args) {
      children.push(spawn(command, args, { env, stdio: 'ignore' }));
      // Give it a moment to take over the root window before a client maps its window.
      await new Promise((resolve) => setTimeout(resolve, 1000));
    },
    async stop() {
      for (const child of [...children, xvfb]) {
        if (child.exitCode !== null || child.signalCode !== null) continue;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
  // The check must be able to fail: the bare screen is all magenta before the kiosk starts.
  const file = path.join(os.tmpdir(), `xvfb-${number}-${process.pid}.png`);
  const bare = await server.screenshot(file);
  await rm(file, { force: true });
  if (bare.barePixels !== width * height) {
    await server.stop();
    throw new Error(`the root window of ${display} is not painted: ${JSON.stringify(bare)}`);
  }
  return server;
}

function coverage(rgb: Buffer, width: number, height: number): ScreenCoverage {
  if (rgb.length !== width * height * 3) {
    throw new Error(`screenshot is ${rgb.length} bytes, not ${width}x${height}x3`);
  }
  const columns = new Set<number>();
  const rows = new Set<number>();
  const colours = new Set<number>();
  let barePixels = 0;
  for (let i = 0, p = 0; i + 2 < rgb.length; i += 3, p++) {
    const [r, g, b] = [rgb[i]!, rgb[i + 1]!, rgb[i + 2]!];
    if (colours.size < 10_000) colours.add((r << 16) | (g << 8) | b);
    if (r === BARE[0] && g === BARE[1] && b === BARE[2]) {
      barePixels++;
      columns.add(p % width);
      rows.add(Math.floor(p / width));
    }
  }
  return { barePixels, bareColumns: columns.size, bareRows: rows.size, colours: colours.size };
}
