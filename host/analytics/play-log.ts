/**
 * The proof-of-play log: append-only JSON lines, one file per day, kept for a set number of days.
 *
 * `<dataDir>/plays/YYYY-MM-DD.jsonl` holds the plays and sessions that started on that day (the
 * kiosk's wall clock). Each write appends whole lines (O_APPEND), so a crash can at worst leave
 * the last line cut short: readers skip any line that is not a valid record, and the next write
 * starts on a fresh line. Nothing is ever rewritten; whole day files are deleted once they are
 * older than `playLogRetentionDays`.
 */
import { appendFile, mkdir, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  AnalyticsRecord,
  dateOfDay,
  dayNumber,
  recordDate,
  recordsInRange,
  summarize,
  type AnalyticsSummary,
  type DateRange,
  type RecordResult,
} from '#core/analytics';
import { toCsv, type CsvOptions } from '#core/analytics-csv';
import { localParts } from '#core/schedule';
import { Settings } from '#core/schema';

/** The folder of day files inside the data folder. */
export const PLAYS_DIR = 'plays';
/** Largest a day file grows; later records that day are dropped (bounds what a client can fill). */
export const MAX_DAY_FILE_BYTES = 20 * 1024 * 1024;
/** Records accepted in a burst, and refilled per second after it (all public callers together). */
export const RECORD_BURST = 300;
export const RECORDS_PER_SECOND = 2;
/** How far a record's start may lie in the past, and its end in the future (clock drift). */
const MAX_AGE_MS = 2 * 24 * 60 * 60 * 1000;
const MAX_AHEAD_MS = 5 * 60 * 1000;

const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.jsonl$/;

/** The settings the log uses. */
type LogSettings = Pick<Settings, 'timeZone' | 'playLogRetentionDays'>;

/** What the call handlers need for proof of play and analytics. */
export interface AnalyticsPort {
  /** Append records the player sent; over the limits they are dropped, not refused. */
  record(records: AnalyticsRecord[], settings: LogSettings): Promise<RecordResult>;
  /** Plays and sessions counted for a range of local dates. */
  summary(range: DateRange, settings: LogSettings): Promise<AnalyticsSummary>;
  /** The range's records as CSV. */
  exportCsv(range: DateRange, settings: LogSettings, options?: CsvOptions): Promise<string>;
}

/** The kiosk's time zone: the setting, or the machine's. */
export function kioskTimeZone(settings: Pick<Settings, 'timeZone'>): string {
  return settings.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The records read for a range, and how many lines could not be read. */
export interface ReadResult {
  records: AnalyticsRecord[];
  skippedLines: number;
}

/** Read the records whose start falls in the range; unreadable or invalid lines are skipped. */
export async function readRecords(
  dataDir: string,
  range: DateRange,
  timeZone: string,
): Promise<ReadResult> {
  const dir = path.join(dataDir, PLAYS_DIR);
  const records: AnalyticsRecord[] = [];
  let skippedLines = 0;
  // A day's neighbours too: a record lands in another file when the time zone setting changed.
  for (let day = dayNumber(range.from) - 1; day <= dayNumber(range.to) + 1; day++) {
    let text: string;
    try {
      text = await readFile(path.join(dir, `${dateOfDay(day)}.jsonl`), 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      const record = parseLine(line);
      if (record) records.push(record);
      else skippedLines++;
    }
  }
  return { records: recordsInRange(records, range, timeZone), skippedLines };
}

function parseLine(line: string): AnalyticsRecord | undefined {
  try {
    const parsed = AnalyticsRecord.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The day files of the log. */
export class PlayLog implements AnalyticsPort {
  private readonly dir: string;
  /** Bytes in each day file written this run (read from disk at its first write). */
  private readonly sizes = new Map<string, number>();
  private tokens = RECORD_BURST;
  private refilledAt: number;
  private prunedOn = '';
  // Appends run one after another, so lines never interleave.
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly dataDir: string,
    private readonly now: () => number,
  ) {
    this.dir = path.join(dataDir, PLAYS_DIR);
    this.refilledAt = now();
  }

  /** Open the log for a data folder, deleting day files past the retention. */
  static async open({
    dataDir,
    settings,
    now = Date.now,
  }: {
    dataDir: string;
    settings: LogSettings;
    now?: () => number;
  }): Promise<PlayLog> {
    const log = new PlayLog(dataDir, now);
    await log.prune(settings);
    return log;
  }

  async record(records: AnalyticsRecord[], settings: LogSettings): Promise<RecordResult> {
    const run = this.queue.then(() => this.append(records, settings));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async summary(range: DateRange, settings: LogSettings): Promise<AnalyticsSummary> {
    const timeZone = kioskTimeZone(settings);
    const { records, skippedLines } = await readRecords(this.dataDir, range, timeZone);
    return summarize(records, range, timeZone, skippedLines);
  }

  async exportCsv(range: DateRange, settings: LogSettings, options?: CsvOptions): Promise<string> {
    const timeZone = kioskTimeZone(settings);
    return toCsv((await readRecords(this.dataDir, range, timeZone)).records, timeZone, options);
  }

  /** Delete day files older than the retention allows (once per local day and retention). */
  async prune(settings: LogSettings): Promise<void> {
    const today = localParts(this.now(), kioskTimeZone(settings)).date;
    const done = `${today} ${settings.playLogRetentionDays}`;
    if (done === this.prunedOn) return;
    this.prunedOn = done;
    const oldest = dayNumber(today) - settings.playLogRetentionDays + 1;
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return;
    }
    for (const name of names) {
      const date = DAY_FILE.exec(name)?.[1];
      if (date && dayNumber(date) < oldest) {
        await rm(path.join(this.dir, name), { force: true });
        this.sizes.delete(date);
      }
    }
  }

  private async append(records: AnalyticsRecord[], settings: LogSettings): Promise<RecordResult> {
    const now = this.now();
    await this.prune(settings);
    const timeZone = kioskTimeZone(settings);
    const oldest = dayNumber(localParts(now, timeZone).date) - settings.playLogRetentionDays + 1;
    this.refill(now);
    const lines = new Map<string, string[]>();
    let dropped = 0;
    for (const record of records) {
      const start = Date.parse(record.start);
      const end = Date.parse(record.end);
      const date = recordDate(record, timeZone);
      const fresh = start >= now - MAX_AGE_MS && end <= now + MAX_AHEAD_MS;
      if (!fresh || dayNumber(date) < oldest || this.tokens < 1) {
        dropped++;
        continue;
      }
      this.tokens--;
      const list = lines.get(date) ?? [];
      list.push(`${JSON.stringify(record)}\n`);
      lines.set(date, list);
    }
    if (lines.size > 0) await mkdir(this.dir, { recursive: true });
    let accepted = 0;
    for (const [date, list] of lines) {
      const file = path.join(this.dir, `${date}.jsonl`);
      let size = this.sizes.get(date) ?? (await this.startFile(file));
      let text = '';
      for (const line of list) {
        const bytes = Buffer.byteLength(line);
        if (size + bytes > MAX_DAY_FILE_BYTES) {
          dropped++;
          continue;
        }
        text += line;
        size += bytes;
        accepted++;
      }
      if (text) await appendFile(file, text, { flag: 'a' });
      this.sizes.set(date, size);
    }
    return { accepted, dropped };
  }

  /** The size of a day file before this run's first write; ends a line a crash left cut. */
  private async startFile(file: string): Promise<number> {
    let size: number;
    try {
      size = (await stat(file)).size;
    } catch {
      return 0;
    }
    if (size === 0) return 0;
    const handle = await open(file, 'r');
    try {
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      if (last[0] === 0x0a) return size;
    } finally {
      await handle.close();
    }
    await appendFile(file, '\n', { flag: 'a' });
    return size + 1;
  }

  private refill(now: number): void {
    const seconds = Math.max(0, (now - this.refilledAt) / 1000);
    this.tokens = Math.min(RECORD_BURST, this.tokens + seconds * RECORDS_PER_SECOND);
    this.refilledAt = now;
  }
}

/** A stand-in for hosts without a log: nothing is kept and every summary is empty. */
export const noAnalytics: AnalyticsPort = {
  record: async (records) => ({ accepted: 0, dropped: records.length }),
  summary: async (range, settings) => summarize([], range, kioskTimeZone(settings)),
  exportCsv: async (_range, settings, options) => toCsv([], kioskTimeZone(settings), options),
};

/** The kiosk's settings from `settings.json`, or the defaults when it is missing or invalid. */
export async function readLogSettings(dataDir: string): Promise<Settings> {
  try {
    const json: unknown = JSON.parse(await readFile(path.join(dataDir, 'settings.json'), 'utf8'));
    const parsed = Settings.safeParse(json);
    if (parsed.success) return parsed.data;
  } catch {
    // No settings yet: the shipped defaults.
  }
  return Settings.parse({});
}
