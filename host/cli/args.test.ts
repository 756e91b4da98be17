import { describe, expect, it } from 'vitest';
import { dataDirFrom, parseCommand, takeSubcommand } from './args.js';
import { fakeIo } from './test-io.js';

const SPEC = {
  name: 'demo',
  usage: 'usage: openness-kiosk demo [--data DIR] [--tag T]...',
  help: 'usage: openness-kiosk demo\n\nDoes nothing.',
  options: { data: { type: 'string' }, tag: { type: 'string', multiple: true } },
} as const;

describe('the CLI argument parser', () => {
  it('returns typed values, including repeated options', () => {
    const { io, out, err } = fakeIo();
    const args = parseCommand(SPEC, ['--data', 'd', '--tag', 'a', '--tag', 'b'], io);
    expect(typeof args).toBe('object');
    if (typeof args === 'number') return;
    expect(args.values).toEqual({ data: 'd', tag: ['a', 'b'] });
    expect(args.positionals).toEqual([]);
    expect([out, err]).toEqual([[], []]);
  });

  it('prints the help for --help and -h, exit 0', () => {
    for (const flag of ['--help', '-h']) {
      const { io, out } = fakeIo();
      expect(parseCommand(SPEC, [flag], io)).toBe(0);
      expect(out).toEqual([SPEC.help]);
    }
  });

  it('answers an unknown option, a missing value or a stray word with the usage line, exit 2', () => {
    for (const [argv, message] of [
      [['--nope'], /^openness-kiosk demo: Unknown option '--nope'/],
      [['--data'], /^openness-kiosk demo: Option '--data <value>' argument missing/],
      [['stray'], /^openness-kiosk demo: unexpected argument "stray"$/],
    ] as const) {
      const { io, err } = fakeIo();
      expect(parseCommand(SPEC, [...argv], io), argv.join(' ')).toBe(2);
      expect(err[0]).toMatch(message);
      expect(err[1]).toBe(SPEC.usage);
    }
  });

  it('leaves positionals to commands that read them', () => {
    const args = parseCommand({ ...SPEC, positionals: true }, ['clear'], fakeIo().io);
    expect(typeof args === 'object' && args.positionals).toEqual(['clear']);
  });

  it('takes a required subcommand, or says what is missing', () => {
    expect(takeSubcommand(SPEC, 'set', ['set', '--data', 'd'], fakeIo().io)).toEqual([
      '--data',
      'd',
    ]);
    const missing = fakeIo();
    expect(takeSubcommand(SPEC, 'set', [], missing.io)).toBe(2);
    expect(missing.err).toEqual(['openness-kiosk demo: needs "set"', SPEC.usage]);
    const other = fakeIo();
    expect(takeSubcommand(SPEC, 'set', ['get'], other.io)).toBe(2);
    expect(other.err[0]).toBe('openness-kiosk demo: unknown subcommand "get"');
    const help = fakeIo();
    expect(takeSubcommand(SPEC, 'set', ['-h'], help.io)).toBe(0);
    expect(help.out).toEqual([SPEC.help]);
  });

  it('resolves --data, defaulting to the per-user folder, and refuses it empty', () => {
    const parse = (argv: string[], io = fakeIo().io) => {
      const args = parseCommand(SPEC, argv, io);
      if (typeof args === 'number') throw new Error('parse failed');
      return dataDirFrom(args, () => '/default/data');
    };
    expect(parse(['--data', '/tmp/x'])).toBe('/tmp/x');
    expect(parse([])).toBe('/default/data');
    const empty = fakeIo();
    expect(parse(['--data', ''], empty.io)).toBe(2);
    expect(empty.err).toEqual(['openness-kiosk demo: --data needs a folder', SPEC.usage]);
  });
});
