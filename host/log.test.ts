import { readdir, readFile, readlink, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOG_DIR, openHostLog, type HostLog } from './log.js';
import { startHost, type RunningHost } from './serve.js';
import { tempDir } from './test-helpers.js';

const opened: HostLog[] = [];
let running: RunningHost | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
  await Promise.all(opened.splice(0).map((log) => log.close()));
});

/** Files this process holds open under `dir` (Linux only; empty elsewhere). */
async function openFilesUnder(dir: string): Promise<string[]> {
  const fds = await readdir('/proc/self/fd').catch(() => [] as string[]);
  const targets = await Promise.all(
    fds.map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')),
  );
  return targets.filter((target) => target.startsWith(dir));
}

const logFiles = async (dir: string) =>
  (await readdir(path.join(dir, LOG_DIR))).filter((n) => n.endsWith('.log')).sort();

describe('host log', () => {
  it('logs the start, the address and saves to <data>/logs, and closes its file with the host', async () => {
    const dataDir = await tempDir();
    running = await startHost({ dataDir, port: 0, host: '127.0.0.1' });
    const { url } = running;
    running.log.warn('a line from the test');
    await running.close();
    running = undefined;
    const files = await logFiles(dataDir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^host\.\d{4}-\d{2}-\d{2}\.1\.log$/);
    const lines = (await readFile(path.join(dataDir, LOG_DIR, files[0]!), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { msg: string; url?: string; level: number });
    expect(lines.map((l) => l.msg)).toEqual(
      expect.arrayContaining(['host starting', 'host listening', 'a line from the test']),
    );
    expect(lines.find((l) => l.msg === 'host listening')?.url).toBe(url);
    expect(lines.at(-1)?.msg).toBe('host stopped');
    if (process.platform === 'linux') expect(await openFilesUnder(dataDir)).toEqual([]);
  });

  it('logs why the host could not start, and closes what it had opened', async () => {
    const dataDir = await tempDir();
    await writeFile(path.join(dataDir, 'media'), 'a file where the media folder goes');
    await expect(startHost({ dataDir, port: 0, host: '127.0.0.1' })).rejects.toThrow(/media/);
    const [file] = await logFiles(dataDir);
    const lines = (await readFile(path.join(dataDir, LOG_DIR, file!), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { msg: string; code?: string });
    expect(lines.at(-1)).toMatchObject({ msg: 'host could not start' });
    if (process.platform === 'linux') expect(await openFilesUnder(dataDir)).toEqual([]);
  });

  it('rolls to a new file at the size limit and keeps only the newest files', async () => {
    const dataDir = await tempDir();
    const log = await openHostLog({ dataDir, maxFileBytes: 2048, maxFiles: 3, stderr: false });
    opened.push(log);
    const line = 'x'.repeat(200);
    for (let i = 0; i < 200; i++) {
      log.logger.info({ i }, line);
      // Let each write land, so the roll (which waits for the stream to drain) can happen.
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await log.close();
    const files = await logFiles(dataDir);
    expect(files.length).toBeGreaterThanOrEqual(2);
    expect(files.length).toBeLessThanOrEqual(3);
    for (const name of files) {
      // One line may overshoot the limit before the roll.
      expect((await stat(path.join(dataDir, LOG_DIR, name))).size).toBeLessThan(2048 + 512);
    }
    // The newest lines are the ones kept.
    const all = await Promise.all(
      files.map((name) => readFile(path.join(dataDir, LOG_DIR, name), 'utf8')),
    );
    expect(all.join('')).toContain('"i":199');
    expect(all.join('')).not.toContain('"i":0,');
  });

  it('removes the oldest files left by earlier runs, so restarts cannot pile files up', async () => {
    const dataDir = await tempDir();
    const dir = path.join(dataDir, LOG_DIR);
    const first = await openHostLog({ dataDir, stderr: false });
    await first.close();
    for (let day = 1; day <= 15; day++) {
      const name = `host.2020-01-${String(day).padStart(2, '0')}.1.log`;
      await writeFile(path.join(dir, name), 'old\n');
      const when = new Date(Date.UTC(2020, 0, day));
      await utimes(path.join(dir, name), when, when);
    }
    await writeFile(path.join(dir, 'notes.txt'), 'not a log file');
    const log = await openHostLog({ dataDir, maxFiles: 4, stderr: false });
    opened.push(log);
    log.logger.info('after restart');
    const files = await logFiles(dataDir);
    expect(files.length).toBeLessThanOrEqual(4);
    expect(files).not.toContain('host.2020-01-01.1.log');
    expect(files).toContain('host.2020-01-15.1.log');
    expect(await readdir(dir)).toContain('notes.txt');
  });

  it('never stops the host when the log folder cannot be made', async () => {
    const dataDir = await tempDir();
    // A file where the folder should be: mkdir fails as it would on a full or read-only disk.
    await writeFile(path.join(dataDir, LOG_DIR), 'in the way');
    running = await startHost({ dataDir, port: 0, host: '127.0.0.1' });
    running.log.error('still logging nowhere, without throwing');
    const health = await fetch(`${running.url}/api/health`);
    expect(health.status).toBe(200);
    expect(await readFile(path.join(dataDir, LOG_DIR), 'utf8')).toBe('in the way');
  });
});
