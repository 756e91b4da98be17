import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger, fileSink, isLogLevel, log, setupLogging } from './logger.js';

const NOW = () => new Date('2030-01-02T03:04:05.000Z');

describe('createLogger', () => {
  it('writes a timestamped line for its level and the more severe ones only', () => {
    const lines: string[] = [];
    const logger = createLogger('warn', [(line) => lines.push(line)], NOW);
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(lines).toEqual([
      '2030-01-02T03:04:05.000Z warn  w\n',
      '2030-01-02T03:04:05.000Z error e\n',
    ]);
  });

  it('writes everything at debug, and to every sink', () => {
    const a: string[] = [];
    const b: string[] = [];
    const logger = createLogger('debug', [(l) => a.push(l), (l) => b.push(l)], NOW);
    logger.debug('d');
    expect(a).toHaveLength(1);
    expect(b).toEqual(a);
  });

  it('survives a sink that throws', () => {
    const lines: string[] = [];
    const broken = () => {
      throw new Error('disk full');
    };
    const logger = createLogger('info', [broken, (l) => lines.push(l)], NOW);
    expect(() => logger.error('still here')).not.toThrow();
    expect(lines).toHaveLength(1);
  });
});

describe('isLogLevel', () => {
  it('knows the four levels', () => {
    expect(['error', 'warn', 'info', 'debug'].every(isLogLevel)).toBe(true);
    expect(isLogLevel('trace')).toBe(false);
  });
});

describe('fileSink', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-logs-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('appends to kiosk.log, creating the folder', async () => {
    const sink = fileSink(path.join(dir, 'logs'));
    sink('one\n');
    sink('two\n');
    expect(await readFile(path.join(dir, 'logs', 'kiosk.log'), 'utf8')).toBe('one\ntwo\n');
  });

  it('moves a full log to kiosk.old.log and starts a new one', async () => {
    await writeFile(path.join(dir, 'kiosk.log'), 'x'.repeat(20));
    const sink = fileSink(dir, 10);
    sink('fresh\n');
    expect(await readFile(path.join(dir, 'kiosk.old.log'), 'utf8')).toBe('x'.repeat(20));
    expect(await readFile(path.join(dir, 'kiosk.log'), 'utf8')).toBe('fresh\n');
    sink('more than ten bytes\n');
    sink('next\n');
    expect(await readFile(path.join(dir, 'kiosk.log'), 'utf8')).toBe('next\n');
    expect((await stat(path.join(dir, 'kiosk.old.log'))).size).toBe(26);
  });
});

describe('setupLogging', () => {
  it('falls back to stderr alone, with a warning, when the log folder cannot be made', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-logs-'));
    const blocked = path.join(dir, 'file');
    await writeFile(blocked, '');
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      setupLogging('info', path.join(blocked, 'logs'));
      log().info('hello');
      const text = err.mock.calls.map(([chunk]) => String(chunk)).join('');
      expect(text).toMatch(/warn +cannot write logs in /);
      expect(text).toMatch(/info +hello/);
    } finally {
      err.mockRestore();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
