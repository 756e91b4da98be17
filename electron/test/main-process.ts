/**
 * The setup of main-process tests that run timers and log: a fresh fake Electron and fake timers
 * for each test, with the log captured.
 */
import { afterEach, beforeEach, vi } from 'vitest';
import { createLogger, setLogger } from '../main/logger.js';
import { resetFakeElectron } from './fake-electron.js';

/**
 * Registers, for each test of the calling suite, a fresh fake Electron, fake timers and a debug
 * log; returns the log's lines (emptied before each test).
 */
export function useFakeMainProcess(): string[] {
  const lines: string[] = [];
  beforeEach(() => {
    resetFakeElectron();
    vi.useFakeTimers();
    lines.length = 0;
    setLogger(createLogger('debug', [(line) => lines.push(line)]));
  });
  afterEach(() => {
    vi.useRealTimers();
    setLogger(createLogger('info', []));
  });
  return lines;
}
