/**
 * One upload in progress: a part file written in order, hashed as it grows.
 */
import { createHash, type Hash } from 'node:crypto';
import { open, rm, type FileHandle } from 'node:fs/promises';
import { KioskError } from '#core/errors';
import { SNIFF_BYTES } from './detect.js';

// Fewer bytes than this could look like the start of some other format.
const MIN_SNIFF_BYTES = 256;

/** An upload's part file and what has arrived so far. */
export class Upload {
  received = 0;
  lastActivity: number;
  private head = Buffer.alloc(0);
  private headJudged = false;
  private readonly hash: Hash = createHash('sha256');
  private queue: Promise<unknown> = Promise.resolve();
  private handle: FileHandle | undefined;
  private closed = false;

  private constructor(
    readonly id: string,
    readonly name: string,
    readonly size: number,
    readonly partFile: string,
    now: number,
  ) {
    this.lastActivity = now;
  }

  /** An upload with no bytes yet; its part file is created with the first chunk. */
  static start(id: string, name: string, size: number, partFile: string, now: number): Upload {
    return new Upload(id, name, size, partFile, now);
  }

  /** Run a step after the ones before it, so chunks sent at once still land in order. */
  serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The first bytes, when there are enough to judge the type by and no verdict is in yet. */
  headToJudge(): Buffer | undefined {
    const complete = this.received === this.size;
    if (this.headJudged || (this.head.length < MIN_SNIFF_BYTES && !complete)) return undefined;
    return this.head;
  }

  /** Note a verdict on the first bytes; without one, they are judged again as more arrive. */
  judged(known: boolean): void {
    this.headJudged = known || this.head.length >= SNIFF_BYTES || this.received === this.size;
  }

  /** Append bytes at `offset`, which must be where the last chunk ended. */
  async append(offset: number, bytes: Uint8Array): Promise<void> {
    if (offset !== this.received) {
      throw new KioskError(
        'invalid-input',
        `Chunks must arrive in order: this upload has ${this.received} bytes, but the chunk starts at ${offset}.`,
        [],
        { received: this.received },
      );
    }
    if (this.received + bytes.length > this.size) {
      throw new KioskError(
        'invalid-input',
        `This chunk goes past the declared size of ${this.size} bytes (${this.received} received, ${bytes.length} more sent).`,
        [],
        { received: this.received, size: this.size },
      );
    }
    // Our own copy: the caller's buffer may be reused while we write and hash.
    const copy = Buffer.from(bytes);
    const handle = await this.open();
    let written = 0;
    while (written < copy.length) {
      const { bytesWritten } = await handle.write(
        copy,
        written,
        copy.length - written,
        offset + written,
      );
      written += bytesWritten;
    }
    this.hash.update(copy);
    this.received += copy.length;
    if (this.head.length < SNIFF_BYTES) {
      this.head = Buffer.concat([this.head, copy.subarray(0, SNIFF_BYTES - this.head.length)]);
    }
  }

  /** Flush the complete file to disk and close it; resolves to its sha256 in hex. */
  async complete(): Promise<string> {
    const handle = await this.open();
    // A write that failed half-way and was retried may have left bytes past the end.
    await handle.truncate(this.received);
    await handle.sync();
    await handle.close();
    this.handle = undefined;
    this.closed = true;
    return this.hash.digest('hex');
  }

  /** Close and remove the part file. */
  async discard(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    this.closed = true;
    await handle?.close().catch(() => undefined);
    await rm(this.partFile, { force: true });
  }

  private async open(): Promise<FileHandle> {
    if (this.closed) throw new KioskError('not-found', 'This upload is already closed.');
    // 'wx': the part file is ours alone; an existing one is never reused.
    this.handle ??= await open(this.partFile, 'wx');
    return this.handle;
  }
}
