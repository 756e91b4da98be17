/**
 * What every Vite-based tool (the renderer build, electron-vite, Vitest) shares: the package.json
 * `imports` condition that maps `#core/*` to the TypeScript source instead of the built dist/node.
 */
import { defaultClientConditions, defaultServerConditions } from 'vite';

/** The condition in package.json `imports` (and tsconfig `customConditions`) for core's source. */
export const SOURCE_CONDITION = 'openness-source';

/** Resolve options for code that runs in a browser or renderer. */
export const browserResolve = { conditions: [...defaultClientConditions, SOURCE_CONDITION] };

/** Resolve options for code that runs in Node (tests, Electron main and preload). */
export const nodeResolve = { conditions: [...defaultServerConditions, SOURCE_CONDITION] };
