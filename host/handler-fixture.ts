/**
 * The handler-test fixture: the real services over a data folder, with calls made through the
 * dispatch (access, input and output checks) as an adapter makes them, without HTTP or IPC.
 */
import pino from 'pino';
import { afterEach } from 'vitest';
import type { CallContext, CallName, CallOutput } from '#core/contract';
import type { Reply } from '#core/errors';
import { dispatchReply } from './dispatch.js';
import { openServices, type Services } from './services.js';
import { paths, tempDir } from './test-helpers.js';

/** One caller: its own staff session, local to the kiosk unless said otherwise. */
export interface Caller {
  /** Make a call and answer with its Reply (any input: the dispatch checks it, as for adapters). */
  call<K extends CallName>(name: K, input?: unknown): Promise<Reply<CallOutput<K>>>;
  /** Make a call that must succeed, and answer with its value. */
  value<K extends CallName>(name: K, input?: unknown): Promise<CallOutput<K>>;
}

/** Open services over a data folder; each test's are closed after it. */
export interface HandlerHost {
  dataDir: string;
  services: Services;
  /** A new caller (another browser, another tab). */
  caller(options?: { local?: boolean }): Caller;
  /** Close and open again on the same data folder, as a restart does. */
  restart(): Promise<HandlerHost>;
}

const open: Services[] = [];
afterEach(async () => {
  for (const services of open.splice(0).reverse()) await services.close();
});

/** Open the host's services over `dataDir` (a fresh folder by default). */
export async function openHandlers(dataDir?: string): Promise<HandlerHost> {
  const dir = dataDir ?? (await tempDir());
  const services = await openServices({
    dataDir: dir,
    assetsDir: paths.assetsDir,
    version: '0.0.0-test',
    log: pino({ level: 'silent' }),
  });
  open.push(services);
  const isStaff = (context: CallContext) => services.auth.isUnlocked(context.sessionId);
  const caller = ({ local = true } = {}): Caller => {
    let sessionId: string | undefined;
    const context: CallContext = {
      local,
      get sessionId() {
        return sessionId;
      },
      startSession: (id) => {
        sessionId = id;
      },
      endSession: () => {
        sessionId = undefined;
      },
    };
    const call = <K extends CallName>(name: K, input?: unknown) =>
      dispatchReply(services.handlers, name, input, context, isStaff) as Promise<
        Reply<CallOutput<K>>
      >;
    return {
      call,
      async value(name, input) {
        const reply = await call(name, input);
        if (!reply.ok) throw new Error(`${name}: ${JSON.stringify(reply.error)}`);
        return reply.value;
      },
    };
  };
  return {
    dataDir: dir,
    services,
    caller,
    async restart() {
      open.splice(open.indexOf(services), 1);
      await services.close();
      return openHandlers(dir);
    },
  };
}
