/**
 * `openness-kiosk alert`: show or clear the emergency message from the command line.
 *
 * Writes `alert.json` in the data folder; a running host picks it up at the player's next poll.
 */
import { AlertInput, type AlertText } from '#core/alert';
import { ValidationError } from '#core/errors';
import { formatProblem, problemsFromZod } from '#core/problems';
import { LanguageCode } from '#core/schema';
import { AlertStore, readDefaultLanguage } from '../alert-store.js';
import { dataDirFrom, parseCommand } from './args.js';
import type { CliIo } from './main.js';

/** The usage line printed with bad arguments. */
export const ALERT_USAGE =
  'usage: openness-kiosk alert --data DIR --text-en TEXT [--text-fr TEXT] [--text-nl TEXT] [--text-de TEXT] [--text LANG=TEXT] [--from ISO] [--expires ISO | --for MINUTES]\n       openness-kiosk alert clear --data DIR';

const HELP = `${ALERT_USAGE}

Shows a full-screen emergency message over the player, in every language given, until it is
cleared or expires; it survives a restart while active. A running kiosk shows it within a few
seconds. Languages without a text show the default language's.
  --data DIR          the kiosk's data folder (default: the per-user data folder)
  --text-en TEXT      the message in English (likewise --text-fr, --text-nl, --text-de)
  --text LANG=TEXT    the message in any other language, e.g. --text es=Cerrado (repeatable)
  --from ISO          start showing it at this time (default: at once), e.g. 2026-05-01T17:00:00+02:00
  --expires ISO       stop showing it at this time, e.g. 2026-05-01T18:00:00Z
  --for MINUTES       stop showing it this many minutes after it starts
The default language's text is required. \`alert clear\` removes the message.`;

const NAMED = ['en', 'fr', 'nl', 'de'] as const;

const ALERT = {
  name: 'alert',
  usage: ALERT_USAGE,
  help: HELP,
  positionals: true,
  options: {
    data: { type: 'string' },
    'text-en': { type: 'string' },
    'text-fr': { type: 'string' },
    'text-nl': { type: 'string' },
    'text-de': { type: 'string' },
    text: { type: 'string', multiple: true },
    from: { type: 'string' },
    expires: { type: 'string' },
    for: { type: 'string' },
  },
} as const;

/** Run `alert` (argv after the command name); resolves to the exit code. */
export async function alertCommand(
  argv: string[],
  io: CliIo,
  defaultDataDir: () => string,
): Promise<number> {
  const args = parseCommand(ALERT, argv, io);
  if (typeof args === 'number') return args;
  const { values, positionals, bad } = args;
  const clearing = positionals[0] === 'clear';
  const extra = positionals.slice(clearing ? 1 : 0);
  if (extra.length > 0) return bad(`unexpected argument "${extra[0]}"`);
  const dataDir = dataDirFrom(args, defaultDataDir);
  if (typeof dataDir === 'number') return dataDir;

  const text: AlertText = {};
  for (const lang of NAMED) {
    const value = values[`text-${lang}`];
    if (value !== undefined) text[lang] = value;
  }
  for (const pair of values.text ?? []) {
    const at = pair.indexOf('=');
    const lang = at > 0 ? pair.slice(0, at) : '';
    if (!LanguageCode.safeParse(lang).success) {
      return bad(`--text must be LANG=TEXT with a language tag such as "es", not "${pair}"`);
    }
    text[lang] = pair.slice(at + 1);
  }

  if (clearing) {
    if (Object.keys(text).length > 0 || values.expires || values.for || values.from) {
      return bad('"alert clear" takes only --data');
    }
    const store = await AlertStore.open({ dataDir });
    await store.clear();
    io.out(`Emergency message cleared for ${dataDir}.`);
    return 0;
  }

  if (Object.keys(text).length === 0)
    return bad('give the message with --text-en (or --text-LANG)');
  if (values.expires !== undefined && values.for !== undefined) {
    return bad('give either --expires or --for, not both');
  }
  const startsAt = values.from;
  const startMs = startsAt === undefined ? Date.now() : Date.parse(startsAt);
  if (Number.isNaN(startMs)) return bad(`--from must be an ISO date and time, not "${startsAt}"`);
  let expiresAt = values.expires;
  if (values.for !== undefined) {
    const minutes = Number(values.for);
    if (!/^\d+(\.\d+)?$/.test(values.for) || !(minutes > 0) || minutes > 525_600) {
      return bad(`--for must be a number of minutes above 0, not "${values.for}"`);
    }
    expiresAt = new Date(Math.max(startMs, Date.now()) + minutes * 60_000).toISOString();
  }
  const input = AlertInput.safeParse({
    text,
    ...(startsAt !== undefined && { startsAt }),
    ...(expiresAt !== undefined && { expiresAt }),
  });
  if (!input.success) {
    for (const problem of problemsFromZod('alert', input.error)) io.err(formatProblem(problem));
    io.err(ALERT_USAGE);
    return 2;
  }

  try {
    const store = await AlertStore.open({ dataDir });
    const state = await store.set(input.data, await readDefaultLanguage(dataDir));
    const from = state.alert?.startsAt ? ` from ${state.alert.startsAt}` : '';
    const until = state.alert?.expiresAt ? ` until ${state.alert.expiresAt}` : ' until cleared';
    io.out(`Emergency message set for ${dataDir}${from}${until}.`);
    return 0;
  } catch (error) {
    if (error instanceof ValidationError) {
      for (const problem of error.problems) io.err(formatProblem(problem));
      io.err(ALERT_USAGE);
      return 2;
    }
    io.err(`openness-kiosk alert: ${(error as Error).message}`);
    return 1;
  }
}
