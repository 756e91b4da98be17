/**
 * Read a secret line from standard input: hidden when a person types it, plain from a pipe.
 */
import { createInterface } from 'node:readline';
import { Writable, type Readable } from 'node:stream';

/** A readable that may be a terminal (as `process.stdin` is). */
export type SecretInput = Readable & { isTTY?: boolean };

/**
 * Read one line from `input`; resolves to undefined when the input ends first or on Ctrl+C.
 *
 * On a terminal, `prompt` goes to `output` and nothing typed is echoed. From a pipe, the first
 * line is read and nothing is written.
 */
export function readSecretLine(
  prompt: string,
  input: SecretInput = process.stdin,
  output: Writable = process.stderr,
): Promise<string | undefined> {
  const terminal = input.isTTY === true;
  if (terminal) output.write(prompt);
  // readline echoes each key to its output; on a terminal that output goes nowhere.
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const lines = createInterface({ input, output: terminal ? muted : undefined, terminal });
  return new Promise((resolve) => {
    let answer: string | undefined;
    lines.once('line', (line) => {
      answer = line;
      lines.close();
    });
    lines.once('SIGINT', () => lines.close());
    lines.once('close', () => {
      if (terminal) output.write('\n');
      resolve(answer);
    });
  });
}
