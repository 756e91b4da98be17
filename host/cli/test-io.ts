/**
 * The CLI tests' stand-in for the terminal: captures standard output and error, answers
 * `readSecret` from `input`, and lets a test stop a running `serve`.
 */
import type { CliIo } from './main.js';

/** Captures output; `stop()` ends a running `serve`; `input` lines answer `readSecret`. */
export function fakeIo({ input = [] as string[], interactive = false } = {}) {
  const prompts: string[] = [];
  const out: string[] = [];
  const err: string[] = [];
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  let onOut: ((line: string) => void) | undefined;
  const io: CliIo = {
    out: (line) => {
      out.push(line);
      onOut?.(line);
    },
    err: (line) => err.push(line),
    untilStopped: () => stopped,
    readSecret: async (prompt) => {
      prompts.push(prompt);
      return input.shift();
    },
    interactive,
  };
  const waitForOut = (pattern: RegExp) =>
    new Promise<string>((resolve) => {
      const found = out.find((line) => pattern.test(line));
      if (found) resolve(found);
      else onOut = (line) => pattern.test(line) && resolve(line);
    });
  return { io, out, err, stop, waitForOut, prompts };
}
