/**
 * The host's implementation of every KioskApi call, shared by the HTTP and IPC adapters.
 */
import type { NowShowing } from '#core/analytics';
import { csvNamesFrom } from '#core/analytics-csv';
import type {
  AdminState,
  AuthStatus,
  CallContext,
  ContentSnapshot,
  Handlers,
  RemoteAdminInfo,
} from '#core/contract';
import { HISTORY_LIMIT, type Author } from '#core/history';
import type { Problem } from '#core/problems';
import { emptyDefaultTitles } from '#core/content-rules';
import { webSlideProblems } from '#core/web-page';
import { noAlerts, type AlertPort } from './alert-store.js';
import { noAnalytics, type AnalyticsPort } from './analytics/play-log.js';
import type { ContentStore } from './content-store.js';
import { KioskError, ValidationError } from '#core/errors';
import { pinConfirmedChanges, pinRequiredMessage } from '#core/security-policy';
import { KIOSK_SOURCE } from './auth/lockout.js';
import { parsePublicKey } from './fleet/keys.js';
import { mediaRefsUsedBy } from './media/usage.js';
import type { AuthPort, FleetPort, MediaPort } from './ports.js';

/** Facts about the running kiosk that health reports include. */
export interface HostInfo {
  version: string;
  startedAt: number;
  /** Remote admin over HTTPS, once the host listens (null when off). */
  remoteAdmin?: () => RemoteAdminInfo | null;
}

/** What the handlers work with. */
export interface HandlerDeps {
  store: ContentStore;
  auth: AuthPort;
  media: MediaPort;
  info: HostInfo;
  fleet: FleetPort;
  /** Emergency messages; hosts without one show none and refuse to set one. */
  alerts?: AlertPort;
  /** Proof of play; hosts without a log keep no records and show empty analytics. */
  analytics?: AnalyticsPort;
}

const MAX_REPORTS = 20;

/** Build the call handlers over the host's services. */
export function createHandlers({
  store,
  auth,
  media,
  info,
  fleet,
  alerts = noAlerts,
  analytics = noAnalytics,
}: HandlerDeps): Handlers {
  // The slide the player last said it shows (any player of this host: there is one per kiosk).
  let showing: NowShowing | null = null;
  // Problems the player reported (a video that would not play), newest last.
  const reports: Problem[] = [];
  const statusOf = (context: CallContext): AuthStatus =>
    auth.status(context.sessionId, context.local, sourceOf(context));
  // What reaches beyond the screen needs the PIN again; a wrong one counts like a wrong unlock.
  const confirmPin = async (
    pin: string | undefined,
    what: Parameters<typeof pinRequiredMessage>[0],
    context: CallContext,
  ) => {
    const message = pinRequiredMessage(what);
    if (pin === undefined) {
      throw new KioskError('pin-required', message, [], {
        fields: what === 'publish' ? [] : [...what],
      });
    }
    await auth.confirm(pin, 'pin', sourceOf(context));
  };
  const problems = () => [
    ...store.snapshot().problems,
    ...store.history.problems(),
    ...auth.problems(),
    ...media.problems(),
    ...alerts.problems(),
    ...reports,
  ];
  // What the admin edits, as of `snapshot` (after a save: the snapshot the save returned).
  const adminState = ({ revision, content, settings }: ContentSnapshot): AdminState => ({
    revision,
    content,
    settings,
    problems: problems(),
    media: media.list(),
  });

  return {
    'content:get': async () => store.snapshot(),
    'health:get': async () => {
      const snapshot = store.snapshot();
      const found = problems();
      const { sync } = fleet.status();
      const memory = process.memoryUsage();
      const newest = found.at(-1);
      return {
        ok: found.length === 0 && !sync.lastError,
        version: info.version,
        uptimeSec: Math.round((Date.now() - info.startedAt) / 1000),
        revision: snapshot.revision,
        problems: found,
        memory: { rssBytes: memory.rss, heapUsedBytes: memory.heapUsed },
        lastSyncAt: sync.lastSyncAt,
        lastError:
          sync.lastError ??
          (newest
            ? { message: `${newest.source} ${newest.path}: ${newest.message}`, at: null }
            : null),
        sync,
        currentSlide: showing && { ...showing, title: slideTitle(snapshot, showing) },
        remoteAdmin: remoteAdminOf(info),
      };
    },
    'auth:status': async (_input, context) => statusOf(context),
    'auth:unlock': async ({ pin }, context) => {
      context.startSession(await auth.unlock(pin, sourceOf(context)));
      return statusAfterStart(auth, context);
    },
    'auth:lock': async (_input, context) => {
      auth.lock(context.sessionId);
      context.endSession();
      return auth.status(undefined, context.local, sourceOf(context));
    },
    'auth:create-pin': async ({ pin }, context) => {
      context.startSession(await auth.createPin(pin, context.local));
      return statusAfterStart(auth, context);
    },
    'auth:change-pin': async ({ currentPin, newPin }, context) => {
      await auth.changePin(context.sessionId, currentPin, newPin, sourceOf(context));
      return statusOf(context);
    },
    'admin:get': async () => adminState(store.snapshot()),
    'content:save': async ({ baseRevision, content }, context) => {
      // Checked on save only: content already on disk still loads (the player falls back).
      const empty = emptyDefaultTitles(content, store.snapshot().settings.defaultLanguage);
      if (empty.length > 0) throw new ValidationError(empty);
      // A web page slide may only show a site on the allowlist (Settings).
      const offList = webSlideProblems(content, store.snapshot().settings.webPages);
      if (offList.length > 0) {
        throw new ValidationError(offList.map((p) => ({ source: 'content.json', ...p })));
      }
      return adminState(await store.saveContent(baseRevision, content, authorOf(context)));
    },
    'settings:save': async ({ baseRevision, settings, pin }, context) => {
      if (settings.syncPublicKey) checkPublicKey(settings.syncPublicKey);
      const changes = pinConfirmedChanges(store.snapshot().settings, settings);
      if (changes.length > 0) await confirmPin(pin, changes, context);
      // What a setting changes elsewhere (the staff idle lock) follows from the store's change
      // event (host/services.ts), as for an edit on disk or a fleet bundle.
      return adminState(await store.saveSettings(baseRevision, settings, authorOf(context)));
    },
    'history:list': async () => ({ versions: store.history.list(), limit: HISTORY_LIMIT }),
    'history:get': async ({ id }) => store.history.get(id),
    'history:restore': async ({ baseRevision, id, pin }, context) => {
      // An old version may hold another sync key or LAN setting: a cookie alone cannot bring it.
      const version = await store.history.get(id);
      const changes = pinConfirmedChanges(store.snapshot().settings, version.settings);
      if (changes.length > 0) await confirmPin(pin, changes, context);
      // The version checked is the one restored: it is not read from disk again.
      return adminState(await store.restore(baseRevision, version, authorOf(context)));
    },
    'media:upload-begin': async ({ name, size }) => media.begin(name, size),
    'media:upload-chunk': async ({ uploadId, offset, bytes }) =>
      media.chunk(uploadId, offset, bytes),
    'media:upload-finish': async ({ uploadId }) => media.finish(uploadId),
    'media:upload-cancel': async ({ uploadId }) => {
      await media.cancel(uploadId);
      return {};
    },
    'media:delete': async ({ ref }) => {
      await media.delete(ref, mediaRefsUsedBy(store.snapshot().content).get(ref) ?? []);
      return {};
    },
    'fleet:status': async () => fleet.status(),
    'fleet:sync-now': async () => {
      fleet.syncNow();
      return fleet.status();
    },
    'fleet:roll-back': async () => {
      await fleet.rollBack();
      return fleet.status();
    },
    'fleet:publish': async ({ outDir, keyFile, pin }, context) => {
      await confirmPin(pin, 'publish', context);
      await fleet.publish(outDir, keyFile || undefined);
      return fleet.status();
    },
    'alert:get': async () => alerts.get(),
    'alert:set': async (input) => alerts.set(input, store.snapshot().settings.defaultLanguage),
    'alert:clear': async () => alerts.clear(),
    'alert:templates': async () => alerts.templates(),
    'alert:save-template': async (template) => alerts.saveTemplate(template),
    'alert:delete-template': async ({ name }) => alerts.deleteTemplate(name),
    'player:report': async ({ slideId, message }) => {
      const report = { source: 'player', path: `slide ${slideId}`, message };
      reports.push(report);
      reports.splice(0, Math.max(0, reports.length - MAX_REPORTS));
      // The slide is skipped; say so where operators look (stderr, the journal).
      console.warn(`warning: ${report.source}: ${report.path}: ${report.message} (skipped)`);
      return {};
    },
    'player:showing': async (input) => {
      showing = input;
      return {};
    },
    'plays:record': async ({ records }) => analytics.record(records, store.snapshot().settings),
    'analytics:get': async (range) => analytics.summary(range, store.snapshot().settings),
    'analytics:export': async ({ separator, ...range }) => {
      const { content, settings } = store.snapshot();
      const names = csvNamesFrom(content, settings.defaultLanguage);
      return { csv: await analytics.exportCsv(range, settings, { separator, names }) };
    },
  };
}

// The session was just started through the context; report the status as the caller now sees it.
function statusAfterStart(auth: AuthPort, context: CallContext): AuthStatus {
  return { ...auth.status(undefined, context.local, sourceOf(context)), unlocked: true };
}

/** Who counts a wrong PIN: the adapter says, else the kiosk's own screen when the call is local. */
function sourceOf(context: CallContext): string {
  return context.source ?? (context.local ? KIOSK_SOURCE : 'unknown');
}

/** Who made a change, for the history: the kiosk's own screen, or the caller's address. */
function authorOf(context: CallContext): Author {
  const source = sourceOf(context);
  return source === KIOSK_SOURCE ? { kind: 'kiosk' } : { kind: 'remote', address: source };
}

// A key that cannot verify anything is refused when saved, not found out at the next sync.
function checkPublicKey(text: string): void {
  try {
    parsePublicKey(text, 'The key');
  } catch (error) {
    throw new ValidationError([
      { source: 'settings', path: '$.syncPublicKey', message: (error as Error).message },
    ]);
  }
}

function remoteAdminOf(info: HostInfo): RemoteAdminInfo | null {
  const remote = info.remoteAdmin?.();
  return remote ? { url: remote.url, certificateSha256: remote.certificateSha256 } : null;
}

/** A slide's title for people: in its language, else the default one, else its id. */
function slideTitle(snapshot: ContentSnapshot, { playlistId, slideId, lang }: NowShowing): string {
  const lists = snapshot.content.playlists;
  const slide =
    lists.find((list) => list.id === playlistId)?.slides.find((s) => s.id === slideId) ??
    lists.flatMap((list) => list.slides).find((s) => s.id === slideId);
  const title = slide?.title ?? {};
  return title[lang] || title[snapshot.settings.defaultLanguage] || slideId;
}
