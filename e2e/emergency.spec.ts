/**
 * The emergency message: staff show it from the admin or the command line, the player covers
 * everything with it in the visitor's language, and it goes when cleared, when it expires, and
 * not when the host restarts.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { setPin, unlockAdmin } from './admin-helpers';
import { expectNoAxeViolations } from './admin-test-files';
import {
  button,
  expect,
  openPlayer,
  skipAnimations,
  startHost,
  stopHost,
  test,
  type Host,
} from './helpers';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Run `openness-kiosk alert …` against a data folder; resolves to its exit code and output. */
async function alertCli(args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'bin/openness-kiosk.mjs'), 'alert', ...args],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, output };
}

const notice = (page: Page) => page.getByRole('alertdialog', { name: 'Important message' });
const noticeIn = (page: Page, name: string) => page.getByRole('alertdialog', { name });

test.beforeEach(async ({ page }) => skipAnimations(page));

test('staff show a message from the admin; it shows in the visitor language; clear removes it', async ({
  page,
  context,
  host,
}) => {
  await setPin(host.dataDir);
  await openPlayer(page, host.url);
  await button(page, 'Français').click();

  const admin = await context.newPage();
  await skipAnimations(admin);
  await unlockAdmin(admin, host.url);
  const card = admin.getByRole('region', { name: 'Emergency message' });
  await expect(card).toContainText('No message is showing.');
  await card.getByRole('button', { name: 'Write a message' }).click();
  await card.getByLabel('Message in English (required)').fill('The building closes at 4 pm.');
  await card.getByLabel('Message in Français (optional)').fill('Le bâtiment ferme à 16 h.');
  await card.getByRole('button', { name: 'Show message' }).click();
  // The form's own status (the templates list has one of its own).
  await expect(card.getByRole('status').first()).toHaveText('The message is showing on the kiosk.');
  await expect(card).toContainText('A message is showing over the player until it is cleared.');
  await expectNoAxeViolations(admin, 'with the emergency form open');

  // The visitor chose French: the message shows in French, over everything.
  const french = noticeIn(page, 'Message important');
  await expect(french).toBeVisible({ timeout: 10_000 });
  await expect(french).toContainText('Le bâtiment ferme à 16 h.');
  await expect(page.locator('main.player')).toHaveAttribute('inert', '');
  await expectNoAxeViolations(page, 'with the emergency message showing');
  // Visitors can switch its language; Dutch has no translation and falls back to English.
  await french.getByRole('button', { name: 'English' }).click();
  await expect(notice(page)).toContainText('The building closes at 4 pm.');
  await notice(page).getByRole('button', { name: 'Nederlands' }).click();
  await expect(noticeIn(page, 'Belangrijk bericht')).toContainText('The building closes at 4 pm.');
  // Nothing a visitor does dismisses it.
  await page.keyboard.press('Escape');
  await page.mouse.click(10, 10);
  await expect(noticeIn(page, 'Belangrijk bericht')).toBeVisible();

  await card.getByRole('button', { name: 'Clear message' }).click();
  await expect(card).toContainText('No message is showing.');
  await expect(page.getByRole('alertdialog')).toHaveCount(0, { timeout: 10_000 });
  await expect(page.locator('main.player')).not.toHaveAttribute('inert', '');
  // The player is usable again, still in the visitor's French.
  await button(page, 'Diapositive suivante').click();
  await expect(page.getByRole('tab').nth(1)).toHaveAttribute('aria-selected', 'true');
});

test('a message set by the command line while the host runs reaches the player', async ({
  page,
  host,
}) => {
  await openPlayer(page, host.url);
  const set = await alertCli([
    '--data',
    host.dataDir,
    '--text-en',
    'Please leave by the main door.',
  ]);
  expect(set.code, set.output).toBe(0);
  await expect(notice(page)).toContainText('Please leave by the main door.', { timeout: 10_000 });
  // Staff can still open the admin at the kiosk with a long press in the top-left corner.
  await page.mouse.move(20, 20);
  await page.mouse.down();
  await expect(page).toHaveURL(/#\/admin$/, { timeout: 10_000 });
  await page.mouse.up();
  await page.goto(host.url);
  await expect(notice(page)).toBeVisible({ timeout: 10_000 });

  const clear = await alertCli(['clear', '--data', host.dataDir]);
  expect(clear.code, clear.output).toBe(0);
  await expect(page.getByRole('alertdialog')).toHaveCount(0, { timeout: 10_000 });
});

test('a message disappears at its expiry time without any change on the host', async ({
  page,
  host,
}) => {
  await openPlayer(page, host.url);
  const expires = new Date(Date.now() + 12_000).toISOString();
  const set = await alertCli([
    '--data',
    host.dataDir,
    '--text-en',
    'Short notice',
    '--expires',
    expires,
  ]);
  expect(set.code, set.output).toBe(0);
  await expect(notice(page)).toContainText('Short notice', { timeout: 10_000 });
  await expect(page.getByRole('alertdialog')).toHaveCount(0, { timeout: 30_000 });
  expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(expires) - 1000);
});

test('an active message survives a host restart', async ({ page, dataDir }) => {
  let host: Host = await startHost(dataDir);
  try {
    const set = await alertCli(['--data', dataDir, '--text-en', 'Closed for an event.']);
    expect(set.code, set.output).toBe(0);
    await openPlayer(page, host.url);
    await expect(notice(page)).toContainText('Closed for an event.', { timeout: 10_000 });
    await stopHost(host);
    host = await startHost(dataDir);
    await openPlayer(page, host.url);
    await expect(notice(page)).toContainText('Closed for an event.', { timeout: 10_000 });
  } finally {
    await stopHost(host);
  }
});
