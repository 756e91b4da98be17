/**
 * Proof of play, end to end: the player records the slides shown (by rotation and by a
 * visitor) and the visit, the real host writes them to its day file, the admin's Analytics
 * screen counts them for today, and Export CSV downloads the same rows.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { goToAdminSection, openAdminSection, setPin } from './admin-helpers';
import { expectNoAxeViolations } from './admin-test-files';
import {
  button,
  DEFAULT_SETTINGS,
  expect,
  expectSlide,
  openPlayerOnFakeClock,
  SLIDES,
  test,
  UI,
} from './helpers';

interface LoggedRecord {
  type: 'play' | 'session';
  start: string;
  slideId?: string;
  lang: string;
  trigger?: string;
  slidesSeen?: number;
  ended?: string;
}

/** Every record in the host's play log. */
async function logged(dataDir: string): Promise<LoggedRecord[]> {
  const dir = path.join(dataDir, 'plays');
  const names = await readdir(dir).catch(() => [] as string[]);
  const texts = await Promise.all(names.map((name) => readFile(path.join(dir, name), 'utf8')));
  return texts
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LoggedRecord);
}

/** The local date of an instant on this machine's wall clock (the host's and the browser's). */
function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

test('slides shown and a visit are recorded, shown in Analytics and exported as CSV', async ({
  page,
  host,
  browser,
}) => {
  await setPin(host.dataDir);
  await openPlayerOnFakeClock(page, host.url);
  await expectSlide(page, 1);
  // Rotation moves on by itself: slide 1 played automatically.
  await page.clock.runFor(SLIDES[0]!.durationMs + 100);
  await expectSlide(page, 2);
  // A visitor taps Next, chooses French and presses the arrow key, then walks away.
  await button(page, UI.en.next).click();
  await expectSlide(page, 3);
  await button(page, UI.fr.name).click();
  await expectSlide(page, 3, 'fr');
  await page.keyboard.press('ArrowRight');
  await expectSlide(page, 4, 'fr');
  await page.clock.runFor((DEFAULT_SETTINGS.idleTimeoutSec + DEFAULT_SETTINGS.countdownSec) * 1000);
  await page.clock.runFor(1_000);
  await expectSlide(page, 1);

  const expected = [
    { type: 'play', slideId: SLIDES[0]!.id, lang: 'en', trigger: 'automatic' },
    { type: 'play', slideId: SLIDES[1]!.id, lang: 'en', trigger: 'automatic' },
    { type: 'play', slideId: SLIDES[2]!.id, lang: 'fr', trigger: 'visitor' },
    { type: 'play', slideId: SLIDES[3]!.id, lang: 'fr', trigger: 'visitor' },
    { type: 'session', lang: 'fr', slidesSeen: 3, ended: 'walk-away' },
  ];
  await expect
    .poll(async () => (await logged(host.dataDir)).length, { message: 'records reach the host' })
    .toBe(expected.length);
  const records = await logged(host.dataDir);
  for (const [i, want] of expected.entries()) expect(records[i]).toMatchObject(want);

  // Staff read them in the admin, in another browser context on a real clock.
  const office = await browser.newContext({ acceptDownloads: true });
  const admin = await office.newPage();
  await openAdminSection(admin, host.url, 'Analytics');
  // The day the visit started (today, unless the test ran across midnight).
  const visit = new Date(records[4]!.start);
  await admin.getByLabel('From', { exact: true }).fill(localDate(visit));
  await admin.getByLabel('To', { exact: true }).fill(localDate(new Date()));

  const perSlide = admin.getByRole('table', { name: 'Plays per slide' });
  await expect(perSlide.getByRole('row')).toHaveCount(1 + 4);
  for (const [i, slide] of SLIDES.slice(0, 4).entries()) {
    const row = perSlide.getByRole('row', { name: slide.title.en });
    await expect(row.getByRole('cell')).toHaveText(i >= 2 ? '1 (1 by visitors)' : '1');
  }
  const languages = admin.getByRole('table', { name: 'Languages chosen' });
  await expect(languages.getByRole('row', { name: 'Français' }).getByRole('cell')).toHaveText('1');
  // The hour chart's numbers are in a table for screen readers.
  const hours = admin.getByRole('table', { name: 'Sessions per hour of day' });
  const hour = String(visit.getHours()).padStart(2, '0');
  await expect(
    hours.getByRole('row', { name: new RegExp(`^${hour}:00`) }).getByRole('cell'),
  ).toHaveText('1');
  await expect(admin.getByText('Visitor sessions')).toBeVisible();
  await expect(admin.getByRole('table', { name: 'Average session length' })).toBeVisible();
  await expectNoAxeViolations(admin, 'on Analytics with plays and a visit');

  const download = admin.waitForEvent('download');
  await admin.getByRole('button', { name: 'Export CSV' }).click();
  const bytes = await readFile(await (await download).path());
  // UTF-8 with a byte-order mark, so Excel reads accents right.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = bytes.toString('utf8').slice(1).trimEnd().split('\n');
  expect(csv[0]).toBe(
    'type,start,end,duration_seconds,local_date,local_hour,playlist_id,playlist_name,slide_id,slide_name,language,trigger,slides_seen,ended',
  );
  expect(csv).toHaveLength(1 + expected.length);
  expect(csv.filter((row) => row.startsWith('play,'))).toHaveLength(4);
  const third = SLIDES[2]!;
  expect(csv.some((row) => row.includes(`,${third.id},${third.title.en},fr,visitor,,`))).toBe(true);
  expect(csv.some((row) => /^session,.*,fr,,3,walk-away$/.test(row))).toBe(true);
  await expect(admin.getByRole('status').filter({ hasText: 'Exported 5 rows' })).toBeVisible();

  // Semicolons, for Excel where the decimal mark is a comma.
  await admin.getByLabel('Separator in the CSV').selectOption('semicolon');
  const again = admin.waitForEvent('download');
  await admin.getByRole('button', { name: 'Export CSV' }).click();
  const semi = (await readFile(await (await again).path(), 'utf8')).trimEnd().split('\n');
  expect(semi[0]).toBe(`\uFEFF${csv[0]!.replaceAll(',', ';')}`);
  expect(semi.some((row) => row.includes(`;${third.id};${third.title.en};fr;visitor;;`))).toBe(
    true,
  );
  expect(semi.filter((row) => /^play;[^;]+;[^;]+;\d+,\d;/.test(row))).toHaveLength(4);
  await expect(admin.getByRole('status').filter({ hasText: 'Exported 5 rows' })).toBeVisible();

  // Health says what the player shows now: the first slide again, in English, after the reset.
  const first = SLIDES[0]!;
  await expect
    .poll(async () => (await (await fetch(`${host.url}/api/health`)).json()).currentSlide)
    .toMatchObject({ slideId: first.id, lang: 'en', title: first.title.en });
  await goToAdminSection(admin, 'Status');

  await expect(admin.getByRole('definition').filter({ hasText: first.title.en })).toBeVisible();
  await office.close();
});
