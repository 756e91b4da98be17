/**
 * The fleet as the call handlers see it: the kiosk's sync, and the admin's publish job.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PublishStatus } from '#core/bundle';
import type { FleetStatus } from '#core/contract';
import { KioskError } from '#core/errors';
import { KEYS_FOLDER, PUBLISH_FOLDER } from '#core/security-policy';
import type { FleetPort } from '../ports.js';
import { confinedPath } from './confine.js';
import { parsePrivateKey, PRIVATE_KEY_FILE } from './keys.js';
import { publishBundle } from './publish.js';
import { FleetSync } from './sync.js';
import type { ContentStore } from '../content-store.js';
import type { MediaLibrary } from '../media/media-library.js';

const IDLE: PublishStatus = {
  state: 'idle',
  outDir: null,
  filesDone: 0,
  filesTotal: 0,
  revision: null,
  error: null,
};

/** Sync and publishing for one kiosk's data folder. */
export class FleetService implements FleetPort {
  private job: PublishStatus = IDLE;

  constructor(
    private readonly dataDir: string,
    private readonly sync: FleetSync,
    private readonly log?: (level: 'info' | 'warn', message: string) => void,
  ) {}

  status(): FleetStatus {
    return { sync: this.sync.status(), publish: { ...this.job } };
  }

  syncNow(): void {
    void this.sync.syncNow();
  }

  rollBack(): Promise<void> {
    return this.sync.rollBack();
  }

  /**
   * Start writing a bundle into `outDir` (a folder in the data folder's `published` folder), signed
   * with `keyFile` (a file in its `keys` folder) if given; poll `status()`.
   */
  async publish(outDir: string, keyFile: string | undefined): Promise<void> {
    this.refuseWhileRunning();
    const folder = await confinedPath(outDir, {
      root: path.join(this.dataDir, PUBLISH_FOLDER),
      what: 'The bundle folder',
      example: 'my-bundle',
    });
    const key =
      keyFile === undefined
        ? undefined
        : await confinedPath(keyFile, {
            root: path.join(this.dataDir, KEYS_FOLDER),
            what: 'The key file',
            example: PRIVATE_KEY_FILE,
          });
    this.refuseWhileRunning();
    this.job = { ...IDLE, state: 'running', outDir: folder };
    void this.runPublish(folder, key);
  }

  private refuseWhileRunning(): void {
    if (this.job.state === 'running') {
      throw new KioskError('conflict', `A publish to ${this.job.outDir} is still running.`);
    }
  }

  private async runPublish(outDir: string, keyFile: string | undefined): Promise<void> {
    try {
      const privateKey = keyFile ? parsePrivateKey(await readKey(keyFile), keyFile) : undefined;
      const { manifest } = await publishBundle({
        dataDir: this.dataDir,
        outDir,
        privateKey,
        onProgress: ({ filesDone, filesTotal }) => {
          this.job = { ...this.job, filesDone, filesTotal };
        },
      });
      this.job = { ...this.job, state: 'done', revision: manifest.revision };
      this.log?.(
        'info',
        `fleet: published revision ${manifest.revision.slice(0, 12)} to ${outDir}`,
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.job = { ...this.job, state: 'failed', error: message };
      this.log?.('warn', `fleet: publish to ${outDir} failed: ${message}`);
    }
  }
}

async function readKey(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new KioskError(
      'not-found',
      `Cannot read the key file ${file} (${(error as NodeJS.ErrnoException).code}).`,
    );
  }
}

/** Open the fleet for a kiosk and start polling (it stays off until a manifest URL is set). */
export async function openFleet(options: {
  dataDir: string;
  store: ContentStore;
  media: MediaLibrary;
  log?: (level: 'info' | 'warn', message: string) => void;
}): Promise<{ service: FleetService; sync: FleetSync }> {
  const sync = await FleetSync.open(options);
  sync.start();
  return { service: new FleetService(options.dataDir, sync, options.log), sync };
}
