/**
 * The preload: exposes the KioskApi to the player as `window.kiosk`, and nothing else.
 *
 * It also beats a heartbeat to the main process every few seconds, saying how long the screen has
 * gone untouched (see electron/common/heartbeat.ts), and refuses dropped files (page-guards.ts).
 *
 * The only file in the renderer's process that touches ipcRenderer. It never hands the renderer
 * ipcRenderer itself or an IPC event object. A failed call rejects with an Error whose message is
 * the JSON of an IpcFailure `{ code, message, problems }` (see electron/main/ipc.ts), whatever
 * went wrong, so the renderer's client parses one format.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  isCallName,
  type CallInput,
  type CallName,
  type CallOutput,
  type ContentSnapshot,
  type EventName,
  type KioskApi,
} from '#core/contract';
import { HEARTBEAT_CHANNEL, HEARTBEAT_INTERVAL_MS, type Heartbeat } from '../common/heartbeat.js';
// Types only: the preload bundle must not pull in the main process's code.
import type { IpcFailure, IpcReply } from '../main/ipc.js';
import { refuseFileDrops, trackInput } from './page-guards.js';

const CONTENT_CHANGED: EventName = 'content:changed';

function failure(error: IpcFailure): Error {
  return new Error(JSON.stringify(error));
}

/** The API the player sees as `window.kiosk`. */
const api = {
  invoke: async <K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> => {
    if (!isCallName(name)) {
      throw failure({
        code: 'unknown-call',
        message: `unknown call ${JSON.stringify(name)}`,
        problems: [],
      });
    }
    let reply: IpcReply;
    try {
      reply = (await ipcRenderer.invoke(name, input)) as IpcReply;
    } catch (error) {
      // A refused sender or a missing handler arrives as Electron's own wrapped Error.
      const message = error instanceof Error ? error.message : String(error);
      throw failure({ code: 'failed', message, problems: [] });
    }
    if (!reply.ok) throw failure(reply.error);
    return reply.value as CallOutput<K>;
  },
  onContentChanged: (listener: (snapshot: ContentSnapshot) => void): (() => void) => {
    const forward = (_event: IpcRendererEvent, snapshot: ContentSnapshot) => listener(snapshot);
    ipcRenderer.on(CONTENT_CHANGED, forward);
    return () => {
      ipcRenderer.removeListener(CONTENT_CHANGED, forward);
    };
  },
} satisfies KioskApi;

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
