/**
 * The upload fault tests' host: the built `openness-kiosk serve` on a real port, its data folder
 * deep in a temporary sandbox, a staff client signed in; uploads as the admin sends them, and
 * checks that a refused upload left no trace.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MediaItem } from '#core/contract';
import { ApiClient, type Answer, type UploadOutcome } from '../../test-support/api-client.js';
import { killHost, PIN, requireBuiltHost, startServe, type HostProcess } from './host-process.js';
import { Client, expectRefused, transcript, transportOf } from './raw-http.js';
import { sourceOf, type Source } from './samples.js';
import { snapshot, type Snapshot } from './snapshot.js';

/** The calls of an upload. */
type UploadCall = 'media:upload-begin' | 'media:upload-chunk' | 'media:upload-finish';

/** How far an upload got, and the answer that ended it. */
export interface Outcome {
  step: UploadOutcome['step'];
  reply: Answer<UploadCall>;
  uploadId?: string;
}

/** The one KioskApi client over `client` (its cookie and source address). */
const apiOf = (client: Client) => new ApiClient(transportOf(client));

/** Upload as the admin does (the test client's upload): begin, chunks of the size asked, finish. */
export async function upload(
  client: Client,
  name: string,
  data: Buffer | Source,
  declaredSize?: number,
): Promise<Outcome> {
  const outcome = await apiOf(client).upload(name, sourceOf(data), declaredSize);
  return { step: outcome.step, reply: outcome, uploadId: outcome.uploadId };
}

/** Start an upload and return its id (for requests that go wrong half-way). */
export async function begin(client: Client, name: string, size: number): Promise<string> {
  const answer = await apiOf(client).call('media:upload-begin', { name, size });
  expect(answer.status, answer.text).toBe(200);
  return answer.body.uploadId;
}

/** End an upload left in progress on purpose (four in progress block a fifth): cancel it. */
export async function release(client: Client, uploadId: string) {
  const cancel = await client.call('media:upload-cancel', { uploadId });
  expect(cancel.status, cancel.text).toBe(200);
  const again = await client.call('media:upload-cancel', { uploadId });
  expectRefused(again, 404, /not in progress/, 'cancelling twice');
}

/** The media file name (sha256 and extension) an accepted upload was stored under. */
export const fileOf = (reply: { body: unknown }) =>
  MediaItem.parse(reply.body).ref.slice('media:'.length);

/** A running upload host for one test file. */
export interface UploadHost {
  readonly host: HostProcess;
  /** Signed in as staff with the PIN. */
  readonly staff: Client;
  /** The staff client as the one KioskApi client (for calls whose answer a test reads). */
  readonly api: ApiClient;
  /** What was there once the staff signed in, before any test. */
  readonly first: Snapshot;
  /** What is in and around the data folder now. */
  snap(): Promise<Snapshot>;
  /** Nothing at all changed in or around the data folder (but for the log). */
  expectNoTrace(before: Snapshot, what: string): Promise<void>;
  /** The only change is `files` added to media/ and listed in its index. */
  expectOnlyNewMedia(before: Snapshot, files: string[], what: string): Promise<void>;
}

/** Start a host in `beforeAll` (stopped, and its sandbox removed, in `afterAll`). */
export function useUploadHost(): UploadHost {
  let sandbox = '';
  let dataDir = '';
  let host: HostProcess | undefined;
  let staff: Client | undefined;
  let first: Snapshot | undefined;
  const snap = () => snapshot(sandbox, dataDir);

  beforeAll(async () => {
    requireBuiltHost();
    sandbox = await mkdtemp(path.join(os.tmpdir(), 'kiosk-fault-http-'));
    // Deep enough that `../../..` from media/ or uploads/ still lands inside the sandbox.
    dataDir = path.join(sandbox, 'l1', 'l2', 'l3', 'data');
    await mkdir(dataDir, { recursive: true });
    host = await startServe(dataDir);
    transcript.length = 0;
    staff = new Client(host.url);
    const created = await staff.call('auth:create-pin', { pin: PIN });
    expect(created.status, created.text).toBe(200);
    expect(staff.cookie).toBeDefined();
    first = await snap();
  });

  afterAll(async () => {
    if (host) await killHost(host);
    if (sandbox) await rm(sandbox, { recursive: true, force: true });
  });

  return {
    get host() {
      return host!;
    },
    get staff() {
      return staff!;
    },
    get api() {
      return apiOf(staff!);
    },
    get first() {
      return first!;
    },
    snap,
    async expectNoTrace(before, what) {
      const after = await snap();
      expect(after.outside, `${what}: outside the data folder`).toEqual(before.outside);
      expect(after.index, `${what}: the media index`).toBe(before.index);
      expect(after.data, `${what}: the data folder`).toEqual(before.data);
    },
    async expectOnlyNewMedia(before, files, what) {
      const after = await snap();
      expect(after.outside, `${what}: outside the data folder`).toEqual(before.outside);
      const { ['media/index.json']: _was, ...expected } = before.data;
      const { ['media/index.json']: _is, ...actual } = after.data;
      for (const file of files) {
        expect(actual[`media/${file}`], `${what}: media/${file}`).toBeDefined();
        delete actual[`media/${file}`];
        delete expected[`media/${file}`];
      }
      expect(actual, `${what}: the data folder`).toEqual(expected);
      const listed = (JSON.parse(after.index ?? '[]') as MediaItem[]).map((item) => item.ref);
      for (const file of files) expect(listed, what).toContain(`media:${file}`);
    },
  };
}

/**
 * The last test of an upload file: over the whole run, the sandbox around the data folder is as
 * it was, no part file is left, the top of the data folder holds only the host's own files, and
 * the host still runs.
 */
export function itLeftNothingBehind(run: UploadHost): void {
  it('left nothing outside the data folder, no part file, and the host running', async () => {
    const end = await run.snap();
    expect(end.outside).toEqual(run.first.outside);
    const inUploads = Object.keys(end.data).filter((rel) => rel.startsWith('uploads/'));
    expect(inUploads).toEqual(['uploads/']);
    const topLevel = (snap: Snapshot) =>
      Object.keys(snap.data).filter((rel) => !rel.slice(0, -1).includes('/'));
    expect(topLevel(end)).toEqual(topLevel(run.first));
    expect(run.host.alive(), run.host.output()).toBe(true);
  });
}

/**
 * One upload test file's suite: a host started for it (`useUploadHost`), the file's tests, and
 * last `itLeftNothingBehind`.
 */
export function describeUploads(title: string, tests: (run: UploadHost) => void): void {
  describe(title, () => {
    const run = useUploadHost();
    tests(run);
    itLeftNothingBehind(run);
  });
}
