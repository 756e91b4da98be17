/**
 * Uploads turned into what the kiosk plays: HEIC photos into JPEG, SubRip captions into WebVTT.
 */
// The package ships no types; a reference lets every tsconfig that reaches this file see ours.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./heic-convert.d.ts" />
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { KioskError } from '#core/errors';
import { heicRefusal, srtRefusal } from '#core/media';
import { SrtError, srtToVtt } from '#core/srt';

/** JPEG quality for converted photos: visually the same as the phone's own, half the size. */
const JPEG_QUALITY = 0.9;

/** The bytes an upload of `from` is stored as; refusals say what was wrong and what to do. */
export async function convertUpload(file: string, from: 'heic' | 'srt'): Promise<Buffer> {
  const bytes = await readFile(file);
  return from === 'heic' ? heicToJpeg(bytes) : srtBytesToVtt(bytes);
}

async function heicToJpeg(bytes: Buffer): Promise<Buffer> {
  try {
    const decoder = decoderPath();
    if (decoder) return Buffer.from(await inWorker(decoder, bytes));
    // Loaded on first use: the decoder is a large WebAssembly module most kiosks never need.
    const { default: convert } = await import('heic-convert');
    return Buffer.from(await convert({ buffer: bytes, format: 'JPEG', quality: JPEG_QUALITY }));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new KioskError('unsupported-type', heicRefusal(reason), [], { detected: 'image/heic' });
  }
}

// A 12-megapixel photo takes seconds to decode and encode (22 s measured on a loaded 2-core
// machine): in a worker thread, so the host keeps serving the player and its videos meanwhile.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const convert = require(workerData.decoder);
convert({ buffer: workerData.bytes, format: 'JPEG', quality: workerData.quality }).then(
  (out) => parentPort.postMessage({ ok: true, bytes: new Uint8Array(out) }),
  (error) => parentPort.postMessage({ ok: false, message: String(error && error.message || error) }),
);`;

// Where the decoder package is; undefined where it is bundled in (the Electron main bundle ships no
// node_modules), and the conversion then runs on the main thread.
function decoderPath(): string | undefined {
  try {
    return createRequire(import.meta.url).resolve('heic-convert');
  } catch {
    return undefined;
  }
}

function inWorker(decoder: string, bytes: Buffer): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: { decoder, bytes, quality: JPEG_QUALITY },
    });
    worker.once('message', (reply: { ok: boolean; bytes?: Uint8Array; message?: string }) => {
      if (reply.ok && reply.bytes) resolve(reply.bytes);
      else reject(new Error(reply.message ?? 'the decoder gave nothing'));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the decoder stopped (exit code ${code})`)));
  });
}

function srtBytesToVtt(bytes: Buffer): Buffer {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: subtitle files saved on Windows are Windows-1252 (Latin-1 with € and quotes).
    text = decodeWindows1252(bytes);
  }
  try {
    return Buffer.from(srtToVtt(text), 'utf8');
  } catch (error) {
    if (!(error instanceof SrtError)) throw error;
    throw new KioskError('invalid-input', srtRefusal(error.message), [], { line: error.line });
  }
}

// Windows-1252 is Latin-1 except 0x80-0x9F (€, curly quotes, dashes). Node's own decoder treats the
// label as plain Latin-1 and loses those, so they are mapped here.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) {
    text += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  }
  return text;
}
