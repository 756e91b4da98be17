import { describe, expect, it } from 'vitest';
import { KioskError } from '#core/errors';
import { EventStreams } from './event-streams.js';

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as KioskError).code;
  }
  return 'opened';
};

describe('event stream limits', () => {
  it('caps streams per address (429) and in total (503), and frees them when they close', () => {
    const streams = new EventStreams({ perSource: 2, total: 3 });
    const a1 = streams.open('192.0.2.1', false);
    streams.open('192.0.2.1', false);
    expect(codeOf(() => streams.open('192.0.2.1', false))).toBe('locked-out');
    streams.open('192.0.2.2', false);
    expect(codeOf(() => streams.open('192.0.2.3', false))).toBe('busy');
    // The kiosk's own screen is not held back by the others, only by its own allowance.
    for (let i = 0; i < 3; i++) streams.open('127.0.0.1', true);
    expect(codeOf(() => streams.open('127.0.0.1', true))).toBe('locked-out');
    expect(streams.size).toBe(6);
    a1();
    a1();
    expect(streams.size).toBe(5);
    expect(codeOf(() => streams.open('192.0.2.3', false))).toBe('opened');
    expect(codeOf(() => streams.open('192.0.2.4', false))).toBe('busy');
  });
});
