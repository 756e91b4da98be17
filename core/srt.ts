/**
 * SubRip (.srt) captions turned into WebVTT, the only captions format browsers play.
 *
 * SubRip as phones, editors and subtitle sites write it: an optional byte-order mark, CRLF or LF
 * line ends, numbered cues whose times use a comma (`00:00:01,000 --> 00:00:02,500`), and
 * `<b>`, `<i>`, `<u>` and `<font>` tags. WebVTT keeps the first three; other tags are dropped.
 */

/** Why a SubRip file could not be read, with the 1-based line where the problem is. */
export class SrtError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'SrtError';
  }
}

const TIME = String.raw`(\d{1,3}):(\d{1,2}):(\d{1,2})[,.](\d{1,3})`;
const TIMING = new RegExp(String.raw`^\s*${TIME}\s*-->\s*${TIME}(?:\s+.*)?$`);
const LOOKS_LIKE_TIMING = /-->/;

/** Whether text begins like a SubRip file: a cue number (optional) then a cue timing. */
export function looksLikeSrt(text: string): boolean {
  const lines = normalise(text).split('\n');
  let at = lines.findIndex((line) => line.trim() !== '');
  if (at < 0) return false;
  if (/^\d+$/.test(lines[at]!.trim())) at++;
  return TIMING.test(lines[at] ?? '');
}

/** The WebVTT text for a SubRip file; throws an SrtError naming the line of the first problem. */
export function srtToVtt(text: string): string {
  const lines = normalise(text).split('\n');
  const cues: string[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i]!.trim() === '') {
      i++;
      continue;
    }
    let id: string | undefined;
    if (/^\d+$/.test(lines[i]!.trim()) && !LOOKS_LIKE_TIMING.test(lines[i]!)) {
      id = lines[i]!.trim();
      i++;
    }
    const timingLine = i + 1;
    const timing = TIMING.exec(lines[i] ?? '');
    if (!timing) {
      const found = (lines[i] ?? '').trim();
      throw new SrtError(
        timingLine,
        found === ''
          ? 'a cue number must be followed by its times, such as "00:00:01,000 --> 00:00:04,000"'
          : `expected cue times such as "00:00:01,000 --> 00:00:04,000", found "${clip(found)}"`,
      );
    }
    const start = toMs(timing.slice(1, 5), timingLine);
    const end = toMs(timing.slice(5, 9), timingLine);
    if (end <= start) {
      throw new SrtError(timingLine, 'the cue ends before it starts (or at the same time)');
    }
    i++;
    const body: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== '') {
      body.push(cueText(lines[i]!));
      i++;
    }
    const head = id === undefined ? '' : `${id}\n`;
    cues.push(`${head}${formatTime(start)} --> ${formatTime(end)}\n${body.join('\n')}`);
  }
  if (cues.length === 0) throw new SrtError(1, 'no captions found: the file has no cues');
  return `WEBVTT\n\n${cues.join('\n\n')}\n`;
}

// No byte-order mark; every line end (CRLF, CR) becomes LF.
function normalise(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

function toMs([h, m, s, ms]: (string | undefined)[], line: number): number {
  const minutes = Number(m);
  const seconds = Number(s);
  if (minutes > 59 || seconds > 59) {
    throw new SrtError(line, 'minutes and seconds in cue times go up to 59');
  }
  // "1,5" in a sloppy file means 500 ms, as a decimal fraction.
  const millis = Math.round(Number(`0.${ms}`) * 1000);
  return ((Number(h) * 60 + minutes) * 60 + seconds) * 1000 + millis;
}

function formatTime(ms: number): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

const KEPT_TAG = /^<\/?(b|i|u)>$/i;

// WebVTT cue text: <b>, <i>, <u> kept; other tags (<font>, {\an8}) dropped; & and < escaped.
function cueText(line: string): string {
  const withoutAss = line.replace(/\{\\[^}]*\}/g, '');
  return withoutAss
    .split(/(<[^<>]*>)/)
    .map((part) => {
      if (part.startsWith('<') && part.endsWith('>')) {
        return KEPT_TAG.test(part) ? part.toLowerCase() : '';
      }
      return part
        .replace(/&(?![a-z]+;|#\d+;|#x[0-9a-f]+;)/gi, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;');
    })
    .join('');
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
