#!/usr/bin/env node
// Entry point of the `openness-kiosk` command; the code lives in the built host.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../dist/node/host/cli/main.js', import.meta.url));
if (!existsSync(main)) {
  console.error('openness-kiosk is not built yet: run `npm run build` first.');
  process.exit(1);
}
const { run } = await import(main);
process.exitCode = await run(process.argv.slice(2));
