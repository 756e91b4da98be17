import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readSecretLine, type SecretInput } from './read-secret.js';

/** Everything written to a stream, as text. */
function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

/** A fake terminal: readline puts it in raw mode while reading. */
function fakeTerminal() {
  const input = new PassThrough() as PassThrough & SecretInput & { setRawMode(on: boolean): void };
  const modes: boolean[] = [];
  input.isTTY = true;
  input.setRawMode = (on: boolean) => void modes.push(on);
  return { input, modes };
}

describe('readSecretLine', () => {
  it('at a terminal: shows the prompt, echoes nothing typed, and restores the terminal', async () => {
    const { input, modes } = fakeTerminal();
    const output = capture();
    const line = readSecretLine('New staff PIN: ', input, output.stream);
    input.write('12');
    input.write('34\r');
    expect(await line).toBe('1234');
    expect(output.text()).toBe('New staff PIN: \n');
    expect(modes).toEqual([true, false]);
  });

  it('at a terminal: Ctrl+C gives up without an answer', async () => {
    const { input } = fakeTerminal();
    const line = readSecretLine('PIN: ', input, capture().stream);
    input.write('12\x03');
    expect(await line).toBeUndefined();
  });

  it('from a pipe: takes the first line and writes nothing', async () => {
    const input = new PassThrough();
    const output = capture();
    const line = readSecretLine('PIN: ', input, output.stream);
    input.end('4321\r\n9999\n');
    expect(await line).toBe('4321');
    expect(output.text()).toBe('');
  });

  it('from a pipe: no line at all gives no answer', async () => {
    const input = new PassThrough();
    const line = readSecretLine('PIN: ', input, capture().stream);
    input.end('');
    expect(await line).toBeUndefined();
  });
});
