#!/usr/bin/env node
// `npm run start:browser -- [--data DIR] [--port N] [BROWSER SWITCHES...]`: serve the kiosk and
// open the player full screen in a system Chromium (CHROMIUM_PATH overrides), restarting the
// browser if it exits. Exit codes: 0 stopped, 1 the browser or host cannot run, 2 bad usage or a
// setup that restarting cannot fix (run as root without --no-sandbox); a supervisor around this
// script (scripts/kiosk-session.sh, the systemd unit) does not restart it after a 2.
import path from 'node:path';

const dist = new URL('../dist/node/host/', import.meta.url);
const { startHost } = await import(new URL('serve.js', dist).href);
const { findChromium, kioskBrowserArgs, superviseBrowser } = await import(
  new URL('browser-kiosk.js', dist).href
);
const {
  START_BROWSER_USAGE: usage,
  checkSandbox,
  parseStartBrowserArgs,
  placesWindow,
  readXScreen,
  windowGeometryArgs,
} = await import(new URL('browser-launch.js', dist).href);
const { defaultDataDir } = await import(new URL('cli/main.js', dist).href);

let options;
try {
  options = parseStartBrowserArgs(process.argv.slice(2));
} catch (error) {
  console.error(`start:browser: ${error.message}\n${usage}`);
  process.exit(2);
}
if (options.help) {
  console.log(`${usage}

Serves the kiosk on this machine and opens the player full screen (--kiosk) in Chromium or
Chrome. CHROMIUM_PATH picks the browser. Browser switches: any other --switch, everything after
a --, and KIOSK_BROWSER_ARGS (space-separated).
  --data DIR   the kiosk's data folder (default: ${defaultDataDir()})
  --port N     port to serve on (default: 0, a free port)
Chromium does not run as root: run this as an ordinary user, or pass --no-sandbox knowingly.`);
  process.exit(0);
}

const browser = findChromium();
if (!browser) {
  console.error(
    'start:browser: no Chromium or Chrome was found on this machine. Install one ' +
      '(Debian/Ubuntu: `sudo apt-get install chromium`) or point CHROMIUM_PATH at it.',
  );
  process.exit(1);
}

const extra = [
  ...(process.env.KIOSK_BROWSER_ARGS ?? '').split(' ').filter(Boolean),
  ...options.browserArgs,
];
const sandbox = checkSandbox(process.getuid?.(), extra);
if (!sandbox.ok) {
  console.error(`start:browser: ${sandbox.message}`);
  process.exit(2);
}
if (sandbox.warning) console.warn(`start:browser: warning: ${sandbox.warning}`);

// On X, place the window over the monitor ourselves: with no window manager, --kiosk alone
// leaves half the screen black.
const onX = process.platform === 'linux' && Boolean(process.env.DISPLAY);
const screen = onX && !placesWindow(extra) ? await readXScreen() : undefined;
if (screen) extra.unshift(...windowGeometryArgs(screen));

const dataDir = path.resolve(options.data ?? defaultDataDir());
let host;
try {
  host = await startHost({ dataDir, port: Number(options.port ?? 0), host: '127.0.0.1' });
} catch (error) {
  console.error(`start:browser: cannot start the kiosk host: ${error.message}`);
  process.exit(1);
}
console.log(
  `openness-kiosk is serving ${dataDir} at ${host.url}; opening ${browser} in kiosk mode.`,
);
const where = screen ? `${screen.width}x${screen.height} at ${screen.x},${screen.y}` : 'unknown';
host.log.info({ browser, args: extra, screen: where }, 'start:browser: opening the browser');
if (sandbox.warning) host.log.warn(`start:browser: ${sandbox.warning}`);

let stop;
const stopped = new Promise((resolve) => (stop = resolve));
process.once('SIGINT', () => stop());
process.once('SIGTERM', () => stop());

const code = await superviseBrowser({
  command: browser,
  args: kioskBrowserArgs(`${host.url}/`, path.join(dataDir, 'browser-profile'), extra),
  log: (line, level) => {
    (level === 'info' ? console.log : console.error)(`start:browser: ${line}`);
    host.log[level](`start:browser: ${line}`);
  },
  stopped,
});
await host.close();
process.exit(code);
