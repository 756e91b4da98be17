/**
 * The preload: exposes the KioskApi to the player as `window.kiosk`, and nothing else.
 *
 * It also beats a heartbeat to the main process every few seconds, saying how long the screen has
 * gone untouched (see electron/common/heartbeat.ts), and refuses dropped files (page-guards.ts).
 *
 * The only file in the renderer's process that touches ipcRenderer. It never hands the renderer
 * ipcRenderer itself or an IPC event object. Every call answers with a Reply (core/errors.ts):
 * the main process's as is, or `{ ok: false, error }` when the call could not be made at all, so
 * the renderer's client reads one form whatever went wrong.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  isCallName,
  type CallInput,
  type CallName,
  type CallOutput,
  type ContentSnapshot,
  type EventName,
  type KioskBridge,
} from '#core/contract';
import type { Reply } from '#core/errors';
import { HEARTBEAT_CHANNEL, HEARTBEAT_INTERVAL_MS, type Heartbeat } from '../common/heartbeat.js';
import { refuseFileDrops, trackInput } from './page-guards.js';

const CONTENT_CHANGED: EventName = 'content:changed';

function failed<T>(code: 'unknown-call' | 'failed', message: string): Reply<T> {
  return { ok: false, error: { code, message, problems: [] } };
}

/** The API the player sees as `window.kiosk`. */
const api = {
  invoke: async <K extends CallName>(
    name: K,
    input: CallInput<K>,
  ): Promise<Reply<CallOutput<K>>> => {
    if (!isCallName(name)) return failed('unknown-call', `unknown call ${JSON.stringify(name)}`);
    try {
      return (await ipcRenderer.invoke(name, input)) as Reply<CallOutput<K>>;
    } catch (error) {
      // A refused sender or a missing handler arrives as Electron's own wrapped Error.
      return failed('failed', error instanceof Error ? error.message : String(error));
    }
  },
  onContentChanged: (listener: (snapshot: ContentSnapshot) => void): (() => void) => {
    const forward = (_event: IpcRendererEvent, snapshot: ContentSnapshot) => listener(snapshot);
    ipcRenderer.on(CONTENT_CHANGED, forward);
    return () => {
      ipcRenderer.removeListener(CONTENT_CHANGED, forward);
    };
  },
} satisfies KioskBridge;

contextBridge.exposeInMainWorld('kiosk', api);

// The page's own window; the preload has the DOM's events but no DOM types (tsconfig.electron).
const page = globalThis as unknown as EventTarget;
refuseFileDrops(page);
const idleMs = trackInput(page);
// A timer on the page's main thread: it stops when the page freezes, which is the point.
setInterval(() => {
  const beat: Heartbeat = { idleMs: idleMs() };
  ipcRenderer.send(HEARTBEAT_CHANNEL, beat);
}, HEARTBEAT_INTERVAL_MS);
