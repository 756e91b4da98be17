/**
 * The IPC adapter for the KioskApi: one `ipcMain.handle` per call in the contract.
 *
 * Every call first proves it comes from our own window, then goes through host/dispatch.ts, which
 * validates the input with the contract's schema. Electron carries only an error's `message`
 * across IPC, so a failed call is not thrown: every call answers with the dispatch's
 * {@link Reply} (`{ ok: true, value }` or `{ ok: false, error: KioskFailure }`), which the preload
 * hands on as is (a structured clone).
 *
 * This file and electron/preload/index.ts are the only two that touch ipcMain/ipcRenderer.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import {
  callNames,
  type CallContext,
  type CallName,
  type ContentSnapshot,
  type EventName,
  type Handlers,
} from '#core/contract';
import type { Reply } from '#core/errors';
import { HEARTBEAT_CHANNEL, parseHeartbeat, type Heartbeat } from '../common/heartbeat.js';
import { dispatchReply } from '../../host/dispatch.js';
import type { AuthPort } from '../../host/ports.js';
import { isOwnOrigin } from './security.js';

/** The message a call from anything but our own window is refused with. */
export const REFUSED = 'refused: call from a foreign sender';

/** The channel content changes are pushed on. */
export const CONTENT_CHANGED: EventName = 'content:changed';

/** The parts of an invoke event the sender check reads. */
export type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

/** Whether a call comes from the kiosk window's own web contents, on our own origin. */
export function trustedSender(event: SenderEvent, window: BrowserWindow | null): boolean {
  if (!window || window.isDestroyed() || event.sender !== window.webContents) return false;
  try {
    const frame = event.senderFrame;
    return frame !== null && isOwnOrigin(frame.url);
  } catch {
    // A frame that navigated or closed mid-call throws on access; it is not trusted.
    return false;
  }
}

/** The staff session of the kiosk window, kept in the main process and never given out. */
export class WindowSession {
  private id: string | undefined;

  /** The context every call from the window runs with: local, with this session. */
  context(): CallContext {
    return {
      local: true,
      sessionId: this.id,
      startSession: (id) => {
        this.id = id;
      },
      endSession: () => this.end(),
    };
  }

  /** Forget the session (the window reloaded or went away). */
  end(): void {
    this.id = undefined;
  }
}

/** Run one call for an IPC event: refuse foreign senders, then dispatch and wrap the outcome. */
export async function callFromIpc(
  deps: IpcDeps,
  window: BrowserWindow | null,
  event: SenderEvent,
  name: CallName,
  input: unknown,
): Promise<Reply<unknown>> {
  if (!trustedSender(event, window)) throw new Error(REFUSED);
  const isStaff = (c: CallContext) => deps.auth.isUnlocked(c.sessionId);
  return dispatchReply(deps.handlers, name, input, deps.session.context(), isStaff);
}

/** What the IPC adapter works with. */
export interface IpcDeps {
  handlers: Handlers;
  auth: Pick<AuthPort, 'isUnlocked'>;
  session: WindowSession;
}

/** Register a handler for every call in the contract. Call before the window is created. */
export function setupIpc(deps: IpcDeps, getWindow: () => BrowserWindow | null): void {
  for (const name of callNames) {
    ipcMain.handle(name, (event, input: unknown) =>
      callFromIpc(deps, getWindow(), event, name, input),
    );
  }
}

/**
 * Listen for the preload's heartbeats (a one-way channel outside the KioskApi).
 *
 * Beats from anything but our own window, or that are not beats, are dropped.
 */
export function setupHeartbeat(
  getWindow: () => BrowserWindow | null,
  onBeat: (window: BrowserWindow, beat: Heartbeat) => void,
): void {
  ipcMain.on(HEARTBEAT_CHANNEL, (event, value: unknown) => {
    const window = getWindow();
    const beat = parseHeartbeat(value);
    if (window && beat && trustedSender(event, window)) onBeat(window, beat);
  });
}

/** Push a content snapshot to the kiosk window, if it is still there. */
export function sendContentChanged(window: BrowserWindow | null, snapshot: ContentSnapshot): void {
  if (window && !window.isDestroyed()) window.webContents.send(CONTENT_CHANGED, snapshot);
}
