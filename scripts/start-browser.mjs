#!/usr/bin/env node
// `npm run start:browser -- [--data DIR] [--port N]`: serve the kiosk and open the player full
// screen in a system Chromium (CHROMIUM_PATH overrides), restarting the browser if it exits.
import path from 'node:path';
import { parseArgs } from 'node:util';

const dist = new URL('../dist/node/host/', import.meta.url);
const { startHost } = await import(new URL('serve.js', dist).href);
const { findChromium, kioskBrowserArgs, superviseBrowser } = await import(
  new URL('browser-kiosk.js', dist).href
);
const { defaultDataDir } = await import(new URL('cli/main.js', dist).href);

const usage = 'usage: npm run start:browser -- [--data DIR] [--port N]';
let values;
try {
  ({ values } = parseArgs({
    options: {
      data: { type: 'string' },
      port: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  console.error(`start:browser: ${error.message}\n${usage}`);
  process.exit(2);
}
if (values.help) {
  console.log(`${usage}

Serves the kiosk on this machine and opens the player full screen (--kiosk) in Chromium or
Chrome. CHROMIUM_PATH picks the browser; KIOSK_BROWSER_ARGS adds switches (space-separated).
  --data DIR   the kiosk's data folder (default: ${defaultDataDir()})
  --port N     port to serve on (default: 0, a free port)`);
  process.exit(0);
}
if (values.port !== undefined && !/^\d{1,5}$/.test(values.port)) {
  console.error(`start:browser: --port must be a number, not "${values.port}"\n${usage}`);
  process.exit(2);
}

const browser = findChromium();
if (!browser) {
  console.error(
    'start:browser: no Chromium or Chrome was found on this machine. Install one ' +
      '(Debian/Ubuntu: `sudo apt-get install chromium`) or point CHROMIUM_PATH at it.',
  );
  process.exit(1);
}

const dataDir = path.resolve(values.data ?? defaultDataDir());
let host;
try {
  host = await startHost({ dataDir, port: Number(values.port ?? 0), host: '127.0.0.1' });
} catch (error) {
  console.error(`start:browser: cannot start the kiosk host: ${error.message}`);
  process.exit(1);
}
console.log(
  `openness-kiosk is serving ${dataDir} at ${host.url}; opening ${browser} in kiosk mode.`,
);

let stop;
const stopped = new Promise((resolve) => (stop = resolve));
process.once('SIGINT', () => stop());
process.once('SIGTERM', () => stop());

const extra = (process.env.KIOSK_BROWSER_ARGS ?? '').split(' ').filter(Boolean);
const code = await superviseBrowser({
  command: browser,
  args: kioskBrowserArgs(`${host.url}/`, path.join(dataDir, 'browser-profile'), extra),
  log: (line) => console.log(`start:browser: ${line}`),
  stopped,
});
await host.close();
process.exit(code);
