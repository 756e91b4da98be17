/** Types of chromium.mjs: the Chromium the e2e tests and benchmarks launch, and its flags. */

/** Where Debian (and Google's package) put Chromium, in the order they are tried. */
export const KNOWN_CHROMIUM_PATHS: readonly string[];

/** The browser to launch: CHROMIUM_PATH, else the first known path that exists, else undefined. */
export function findChromium(
  env?: Record<string, string | undefined>,
  exists?: (path: string) => boolean,
): string | undefined;

/** Launch flags that keep headless Chromium quiet and offline (see the shared TOOLCHAIN.md). */
export const CHROMIUM_ARGS: readonly string[];
