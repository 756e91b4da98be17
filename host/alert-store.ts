/**
 * The emergency message on disk: `alert.json` in the data folder, written atomically.
 *
 * The file is re-read whenever its size or modification time changes, so a message set or
 * cleared by the command line while the host runs reaches the player at its next poll. An
 * invalid file is left untouched, reported as a problem, and treated as "no message".
 */
import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  Alert,
  alertInputProblems,
  alertState,
  AlertTemplates,
  cleanAlertText,
  withoutTemplate,
  withTemplate,
  type AlertInput,
  type AlertState,
  type AlertTemplate,
} from '#core/alert';
import { KioskError, ValidationError } from '#core/errors';
import { problemsFromZod, type Problem } from '#core/problems';
import { Settings } from '#core/schema';
import { sweepTempFiles, writeAtomic } from './atomic-write.js';

/** The file's name in the data folder. */
export const ALERT_FILE = 'alert.json';
/** The kept message templates, in the data folder. */
export const ALERT_TEMPLATES_FILE = 'alert-templates.json';

/** What the call handlers need for emergency messages. */
export interface AlertPort {
  /** The message showing now, if any. */
  get(): Promise<AlertState>;
  /** Show a message; `defaultLanguage` must be filled in. */
  set(input: AlertInput, defaultLanguage: string): Promise<AlertState>;
  /** Stop showing the message. */
  clear(): Promise<AlertState>;
  /** What is wrong with the file on disk, if anything. */
  problems(): Problem[];
  /** The kept templates, by name. */
  templates(): Promise<AlertTemplates>;
  /** Keep a template (replacing one of the same name). */
  saveTemplate(template: AlertTemplate): Promise<AlertTemplates>;
  /** Forget the template called `name`. */
  deleteTemplate(name: string): Promise<AlertTemplates>;
}

interface Cached {
  /** `inode:size:mtime` of the file read, or '' when it was missing. */
  stamp: string;
  alert: Alert | null;
  problems: Problem[];
}

/** Reads and writes `alert.json`. */
export class AlertStore implements AlertPort {
  private cached: Cached = { stamp: 'unread', alert: null, problems: [] };
  private readonly file: string;
  private readonly templatesFile: string;
  // Template edits run one after another, so two quick saves never lose one.
  private templateQueue: Promise<unknown> = Promise.resolve();

  private constructor(
    dataDir: string,
    private readonly now: () => number,
  ) {
    this.file = path.join(dataDir, ALERT_FILE);
    this.templatesFile = path.join(dataDir, ALERT_TEMPLATES_FILE);
  }

  /** Open the store for a data folder (removing temp files a crashed write left behind). */
  static async open({
    dataDir,
    now = Date.now,
  }: {
    dataDir: string;
    now?: () => number;
  }): Promise<AlertStore> {
    await sweepTempFiles(dataDir, [ALERT_FILE, ALERT_TEMPLATES_FILE]);
    const store = new AlertStore(dataDir, now);
    await store.read();
    return store;
  }

  async get(): Promise<AlertState> {
    return alertState(await this.read(), this.now());
  }

  async set(input: AlertInput, defaultLanguage: string): Promise<AlertState> {
    const now = this.now();
    const problems = alertInputProblems(input, defaultLanguage, now);
    if (problems.length > 0) throw new ValidationError(problems);
    const alert: Alert = {
      text: cleanAlertText(input.text),
      ...(input.startsAt !== undefined && { startsAt: input.startsAt }),
      ...(input.expiresAt !== undefined && { expiresAt: input.expiresAt }),
      createdAt: new Date(now).toISOString(),
    };
    await writeAtomic(this.file, `${JSON.stringify(alert, null, 2)}\n`);
    this.cached = { stamp: 'written', alert, problems: [] };
    return alertState(alert, now);
  }

  async clear(): Promise<AlertState> {
    try {
      await rm(this.file, { force: true });
    } catch (error) {
      throw new KioskError(
        'failed',
        `Could not clear the emergency message: ${(error as Error).message}`,
      );
    }
    this.cached = { stamp: '', alert: null, problems: [] };
    return alertState(null, this.now());
  }

  problems(): Problem[] {
    return this.cached.problems;
  }

  async templates(): Promise<AlertTemplates> {
    let text: string;
    try {
      text = await readFile(this.templatesFile, 'utf8');
    } catch {
      return [];
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      const message = `cannot be read as JSON (${(error as Error).message})`;
      throw new ValidationError([{ source: ALERT_TEMPLATES_FILE, path: '$', message }]);
    }
    const parsed = AlertTemplates.safeParse(json);
    if (!parsed.success) {
      // Refuse to overwrite (and so lose) a file someone damaged: say where it is.
      throw new ValidationError(problemsFromZod(ALERT_TEMPLATES_FILE, parsed.error));
    }
    return parsed.data;
  }

  saveTemplate(template: AlertTemplate): Promise<AlertTemplates> {
    return this.editTemplates((list) => withTemplate(list, template));
  }

  deleteTemplate(name: string): Promise<AlertTemplates> {
    return this.editTemplates((list) => withoutTemplate(list, name));
  }

  private editTemplates(edit: (list: AlertTemplates) => AlertTemplates): Promise<AlertTemplates> {
    const run = this.templateQueue.then(async () => {
      const parsed = AlertTemplates.safeParse(edit(await this.templates()));
      if (!parsed.success) {
        throw new ValidationError(problemsFromZod(ALERT_TEMPLATES_FILE, parsed.error));
      }
      await writeAtomic(this.templatesFile, `${JSON.stringify(parsed.data, null, 2)}\n`);
      return parsed.data;
    });
    this.templateQueue = run.catch(() => undefined);
    return run;
  }

  /** The stored message (active or not), re-reading the file when it changed on disk. */
  private async read(): Promise<Alert | null> {
    let stamp: string;
    try {
      const info = await stat(this.file);
      stamp = `${info.ino}:${info.size}:${info.mtimeMs}`;
    } catch {
      stamp = '';
    }
    if (stamp === this.cached.stamp) return this.cached.alert;
    this.cached = stamp === '' ? { stamp, alert: null, problems: [] } : await this.load(stamp);
    return this.cached.alert;
  }

  private async load(stamp: string): Promise<Cached> {
    const problem = (message: string, at = '$'): Cached => ({
      stamp,
      alert: null,
      problems: [{ source: ALERT_FILE, path: at, message }],
    });
    let json: unknown;
    try {
      json = JSON.parse(await readFile(this.file, 'utf8'));
    } catch (error) {
      return problem(`cannot be read as JSON (${(error as Error).message}); no message is shown`);
    }
    const parsed = Alert.safeParse(json);
    if (!parsed.success) {
      return { stamp, alert: null, problems: problemsFromZod(ALERT_FILE, parsed.error) };
    }
    return { stamp, alert: parsed.data, problems: [] };
  }
}

/** A stand-in for hosts that were not given a store: no message, and setting one is refused. */
export const noAlerts: AlertPort = {
  get: async () => alertState(null, Date.now()),
  set: async () => {
    throw new KioskError('failed', 'Emergency messages are not available in this kiosk shell.');
  },
  clear: async () => alertState(null, Date.now()),
  problems: () => [],
  templates: async () => [],
  saveTemplate: async () => {
    throw new KioskError('failed', 'Message templates are not available in this kiosk shell.');
  },
  deleteTemplate: async () => [],
};

/** The kiosk's default language from `settings.json` ("en" when the file is missing or invalid). */
export async function readDefaultLanguage(dataDir: string): Promise<string> {
  try {
    const json: unknown = JSON.parse(await readFile(path.join(dataDir, 'settings.json'), 'utf8'));
    const parsed = Settings.safeParse(json);
    if (parsed.success) return parsed.data.defaultLanguage;
  } catch {
    // No settings yet: the shipped default.
  }
  return Settings.parse({}).defaultLanguage;
}
