/**
 * `openness-kiosk export-plays`: the proof-of-play log for a date range as CSV, the same CSV the
 * admin's Analytics screen exports.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DateRange } from '#core/analytics';
import { CsvSeparator, csvNamesFrom, NO_CSV_NAMES, toCsv } from '#core/analytics-csv';
import { migrateContent } from '#core/migrations';
import { ContentFile } from '#core/schema';
import { CONTENT_FILE, readValidated } from '../content-store.js';
import { problemsFromZod } from '#core/problems';
import { kioskTimeZone, readLogSettings, readRecords } from '../analytics/play-log.js';
import { dataDirFrom, parseCommand } from './args.js';
import type { CliIo } from './main.js';

/** The usage line printed with bad arguments. */
export const EXPORT_PLAYS_USAGE =
  'usage: openness-kiosk export-plays --data DIR --from YYYY-MM-DD --to YYYY-MM-DD [--out FILE]' +
  ' [--separator comma|semicolon]';

const HELP = `${EXPORT_PLAYS_USAGE}

Writes every slide shown and every visitor session from the kiosk's play log as CSV, one row
each: type (play or session), start, end, duration_seconds, local_date, local_hour, playlist_id,
playlist_name, slide_id, slide_name (its title in the default language), language, trigger
(automatic or visitor), slides_seen, ended (walk-away or reset). UTF-8 with a byte-order mark,
so Excel reads accents right. Dates are the kiosk's own (its time zone setting, else this
machine's); both days are included.
  --data DIR    the kiosk's data folder (default: the per-user data folder)
  --from DATE   first day, e.g. 2026-05-01
  --to DATE     last day (at most 366 days after --from)
  --out FILE    write the CSV to FILE (default: standard output)
  --separator comma|semicolon
                comma (default), or semicolon with decimal commas, as Excel expects where the
                decimal mark is a comma (France, Belgium, Germany, the Netherlands)
Lines a crash left cut short are skipped, and counted on standard error.`;

const EXPORT_PLAYS = {
  name: 'export-plays',
  usage: EXPORT_PLAYS_USAGE,
  help: HELP,
  options: {
    data: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    out: { type: 'string' },
    separator: { type: 'string', default: 'comma' },
  },
} as const;

/** Run `export-plays` (argv after the command name); resolves to the exit code. */
export async function exportPlaysCommand(
  argv: string[],
  io: CliIo,
  defaultDataDir: () => string,
): Promise<number> {
  const args = parseCommand(EXPORT_PLAYS, argv, io);
  if (typeof args === 'number') return args;
  const { values, bad } = args;
  const dataDir = dataDirFrom(args, defaultDataDir);
  if (typeof dataDir === 'number') return dataDir;
  if (values.out === '') return bad('--out needs a file');
  if (values.from === undefined || values.to === undefined) return bad('give --from and --to');
  const range = DateRange.safeParse({ from: values.from, to: values.to });
  if (!range.success) {
    const problems = problemsFromZod('export-plays', range.error);
    return bad(problems.map((p) => `${p.path.replace('$.', '--')} ${p.message}`).join('; '));
  }
  const separator = CsvSeparator.safeParse(values.separator);
  if (!separator.success) return bad('--separator must be "comma" or "semicolon"');
  try {
    const settings = await readLogSettings(dataDir);
    const timeZone = kioskTimeZone(settings);
    const { records, skippedLines } = await readRecords(dataDir, range.data, timeZone);
    const content = await readValidated(
      path.join(dataDir, CONTENT_FILE),
      CONTENT_FILE,
      ContentFile,
      migrateContent,
    );
    if (!content.ok) io.err(`warning: ${CONTENT_FILE} unreadable: the name columns stay empty.`);
    const names = content.ok ? csvNamesFrom(content.value, settings.defaultLanguage) : NO_CSV_NAMES;
    const csv = toCsv(records, timeZone, { separator: separator.data, names });
    if (values.out === undefined) {
      io.out(csv.slice(0, -1));
    } else {
      await writeFile(values.out, csv);
      io.err(`Wrote ${records.length} rows to ${values.out}.`);
    }
    if (skippedLines > 0) {
      io.err(`warning: ${skippedLines} unreadable lines in the play log were skipped.`);
    }
    return 0;
  } catch (error) {
    io.err(`openness-kiosk export-plays: ${(error as Error).message}`);
    return 1;
  }
}
