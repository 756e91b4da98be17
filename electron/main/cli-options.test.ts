import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { optionsOrExit, parseKioskOptions, USAGE, UsageError } from './cli-options.js';

const USER_DATA = '/u';
const parse = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  parseKioskOptions(['/opt/kiosk/openness-kiosk', ...args], env, USER_DATA);

describe('parseKioskOptions', () => {
  it('defaults to <userData>/data, the primary display, the full-screen player and info', () => {
    expect(parse([])).toEqual({
      help: false,
      dataDir: path.join(USER_DATA, 'data'),
      display: { kind: 'primary' },
      windowed: false,
      admin: false,
      logLevel: 'info',
      adminPort: 7777,
    });
  });

  it('takes --data DIR or --data=DIR over KIOSK_DATA_DIR, as absolute paths', () => {
    const env = { KIOSK_DATA_DIR: 'env-dir' };
    expect(parse([], env).dataDir).toBe(path.resolve('env-dir'));
    expect(parse(['--data', '/arg'], env).dataDir).toBe(path.resolve('/arg'));
    expect(parse(['--data=/eq'], env).dataDir).toBe(path.resolve('/eq'));
  });

  it('reads every switch and its variable', () => {
    const fromArgs = parse([
      ...['--display', '1', '--windowed', '--admin', '--log-level', 'debug'],
      ...['--admin-port', '8443'],
    ]);
    const fromEnv = parse([], {
      KIOSK_DISPLAY: '1',
      KIOSK_WINDOWED: '1',
      KIOSK_START_ADMIN: 'true',
      KIOSK_LOG_LEVEL: 'DEBUG',
      KIOSK_ADMIN_PORT: '8443',
    });
    for (const options of [fromArgs, fromEnv]) {
      expect(options).toMatchObject({
        display: { kind: 'index', index: 1 },
        windowed: true,
        admin: true,
        logLevel: 'debug',
        adminPort: 8443,
      });
    }
  });

  it('lets a switch win over its variable', () => {
    const env = { KIOSK_DISPLAY: '3', KIOSK_LOG_LEVEL: 'error' };
    expect(parse(['--display=primary', '--log-level=warn'], env)).toMatchObject({
      display: { kind: 'primary' },
      logLevel: 'warn',
    });
  });

  it('takes a display by index, by id or as primary', () => {
    expect(parse(['--display', '0']).display).toEqual({ kind: 'index', index: 0 });
    expect(parse(['--display', 'id:2528732444']).display).toEqual({ kind: 'id', id: 2528732444 });
    expect(parse(['--display', 'Primary']).display).toEqual({ kind: 'primary' });
  });

  it("ignores Electron's and Chromium's own switches and positionals", () => {
    const argv = ['.', '--no-sandbox', '--ozone-platform=wayland', '--enable-logging', 'x', '-v'];
    expect(parse([...argv, '--windowed'])).toMatchObject({ windowed: true, admin: false });
  });

  it('treats 0, false, no, off and empty as off', () => {
    for (const value of ['0', 'false', 'no', 'off', '']) {
      expect(parse([], { KIOSK_WINDOWED: value }).windowed).toBe(false);
    }
  });

  it.each([
    [['--display', 'left'], '--display: "left" is not a display'],
    [['--display', '-1'], '--display: "-1" is not a display'],
    [['--log-level', 'loud'], '--log-level: "loud" is not a log level'],
    [['--admin-port', '65536'], '--admin-port: "65536" is not a port'],
    [['--admin-port', 'web'], '--admin-port: "web" is not a port'],
    [['--data'], '--data needs a value'],
    [['--data='], '--data needs a value'],
    [['--data', '--windowed'], '--data needs a value'],
    [['--windowed=yes'], '--windowed takes no value'],
  ])('rejects %j: %s', (args, message) => {
    expect(() => parse(args)).toThrow(new UsageError(message).message);
    expect(() => parse(args)).toThrow(UsageError);
  });

  it('rejects bad variables, naming them', () => {
    expect(() => parse([], { KIOSK_WINDOWED: 'maybe' })).toThrow(/^KIOSK_WINDOWED: "maybe"/);
    expect(() => parse([], { KIOSK_DISPLAY: 'x' })).toThrow(/^KIOSK_DISPLAY: "x"/);
    expect(() => parse([], { KIOSK_LOG_LEVEL: 'trace' })).toThrow(/^KIOSK_LOG_LEVEL: "trace"/);
  });

  it('answers --help and -h even when a variable is bad', () => {
    expect(parse(['--help'], { KIOSK_DISPLAY: 'x' }).help).toBe(true);
    expect(parse(['-h']).help).toBe(true);
  });
});

describe('USAGE', () => {
  it('lists every switch and variable', () => {
    for (const name of ['--data', '--display', '--windowed', '--admin', '--log-level', '--help']) {
      expect(USAGE).toContain(name);
    }
    for (const name of ['KIOSK_DATA_DIR', 'KIOSK_DISPLAY', 'KIOSK_WINDOWED', 'KIOSK_START_ADMIN']) {
      expect(USAGE).toContain(name);
    }
    expect(USAGE).toContain('KIOSK_LOG_LEVEL');
  });
});

describe('optionsOrExit', () => {
  const io = () => ({ out: vi.fn(), err: vi.fn(), exit: vi.fn() });

  it('returns the options and prints nothing when all is well', () => {
    const calls = io();
    expect(optionsOrExit(['e', '--admin'], {}, USER_DATA, calls)?.admin).toBe(true);
    expect(calls.out).not.toHaveBeenCalled();
    expect(calls.err).not.toHaveBeenCalled();
    expect(calls.exit).not.toHaveBeenCalled();
  });

  it('prints the usage to stdout and exits 0 on --help', () => {
    const calls = io();
    expect(optionsOrExit(['e', '--help'], {}, USER_DATA, calls)).toBeNull();
    expect(calls.out).toHaveBeenCalledWith(`${USAGE}\n`);
    expect(calls.exit).toHaveBeenCalledExactlyOnceWith(0);
  });

  it('prints the error and the usage to stderr and exits 2 on a bad value', () => {
    const calls = io();
    expect(optionsOrExit(['e', '--display', 'x'], {}, USER_DATA, calls)).toBeNull();
    const text = String(calls.err.mock.calls[0]?.[0]);
    expect(text).toMatch(/^openness-kiosk: --display: "x" is not a display/);
    expect(text).toContain(USAGE);
    expect(calls.exit).toHaveBeenCalledExactlyOnceWith(2);
  });
});
