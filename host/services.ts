/**
 * The kiosk's one composition root: every service a shell needs, opened in order and closed in
 * reverse.
 *
 * Both shells start here: `serve` (serve.ts) adds the HTTP server, the Electron main process adds
 * IPC and its window (and the same HTTP server for remote admin). What follows from the settings
 * is applied here, from the store's change events, whoever changed them (staff in the admin, a
 * fleet bundle, or an edit of settings.json on disk), so no shell applies a setting by hand.
 */
import type { Logger } from 'pino';
import type { Handlers } from '#core/contract';
import type { Problem } from '#core/problems';
import type { Settings } from '#core/schema';
import { AlertStore } from './alert-store.js';
import { PlayLog } from './analytics/play-log.js';
import { AuthService } from './auth/auth-service.js';
import { ContentStore } from './content-store.js';
import { openFleet } from './fleet/fleet-service.js';
import { createHandlers, type HostInfo } from './handlers.js';
import { MediaLibrary } from './media/media-library.js';

/** Where the services keep and find their files, and where they log. */
export interface ServicesOptions {
  /** The kiosk's data folder (created and seeded when empty). */
  dataDir: string;
  /** The shipped assets (default content and settings). */
  assetsDir: string;
  /** The app's version, as health reports it. */
  version: string;
  log: Logger;
}

/** The open services, and the call handlers over them that every adapter serves. */
export interface Services {
  dataDir: string;
  assetsDir: string;
  log: Logger;
  info: HostInfo;
  store: ContentStore;
  auth: AuthService;
  media: MediaLibrary;
  alerts: AlertStore;
  analytics: PlayLog;
  fleet: Awaited<ReturnType<typeof openFleet>>;
  handlers: Handlers;
  /** Close everything that was opened, in reverse order; safe to call more than once. */
  close(): Promise<void>;
}

/** Open every service in order; if one fails, close those already open and throw its error. */
export async function openServices(options: ServicesOptions): Promise<Services> {
  const { dataDir, assetsDir, log } = options;
  // What is open so far, closed in reverse order at the end or when opening fails half-way.
  const opened: { name: string; close: () => unknown }[] = [];
  const close = async () => {
    for (const service of opened.splice(0).reverse()) {
      await Promise.resolve()
        .then(service.close)
        .catch((error: unknown) =>
          log.warn({ error: String(error) }, `${service.name} did not close`),
        );
    }
  };
  try {
    const store = await ContentStore.open({ dataDir, assetsDir });
    opened.push({ name: 'content store', close: () => store.close() });
    const auth = await AuthService.open({ dataDir });
    const media = await MediaLibrary.open({ dataDir });
    opened.push({ name: 'media library', close: () => media.close() });
    const alerts = await AlertStore.open({ dataDir });
    const analytics = await PlayLog.open({ dataDir, settings: store.snapshot().settings });

    const effects = settingsEffects({ auth, analytics }, log);
    effects(store.snapshot().settings);
    const logProblems = problemLogger(log);
    logProblems(store.snapshot().problems);
    const unsubscribe = store.onChange(({ revision, changedBy, problems, settings }) => {
      log.info({ revision, changedBy, problems: problems.length }, 'content changed');
      logProblems(problems);
      effects(settings);
    });
    opened.push({ name: 'settings effects', close: unsubscribe });
    store.watch();

    const fleet = await openFleet({
      dataDir,
      store,
      media,
      log: (level, message) => log[level](message),
    });
    opened.push({ name: 'fleet sync', close: () => fleet.sync.stop() });

    const info = { version: options.version, startedAt: Date.now() };
    const handlers = createHandlers({
      store,
      auth,
      media,
      info,
      fleet: fleet.service,
      alerts,
      analytics,
    });
    return {
      dataDir,
      assetsDir,
      log,
      info,
      store,
      auth,
      media,
      alerts,
      analytics,
      fleet,
      handlers,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** What the settings change in the other services, applied at open and after every change. */
function settingsEffects(
  { auth, analytics }: { auth: AuthService; analytics: PlayLog },
  log: Logger,
): (settings: Settings) => void {
  return (settings) => {
    if (auth.staffIdleMs !== settings.staffIdleLockSec * 1000) {
      auth.setStaffIdleMs(settings.staffIdleLockSec * 1000);
      log.info({ staffIdleLockSec: settings.staffIdleLockSec }, 'staff idle lock set');
    }
    // A shorter retention deletes the day files past it now, not at the next day's first play.
    analytics
      .prune(settings)
      .catch((error: unknown) => log.warn({ error: String(error) }, 'play log not pruned'));
  };
}

/** Log content problems, each once while it lasts (a change that keeps them does not repeat them). */
function problemLogger(log: Logger): (problems: Problem[]) => void {
  let logged = new Set<string>();
  return (problems) => {
    const now = new Set<string>();
    for (const problem of problems) {
      const key = JSON.stringify(problem);
      now.add(key);
      if (!logged.has(key)) log.warn({ problem }, 'content problem');
    }
    logged = now;
  };
}
