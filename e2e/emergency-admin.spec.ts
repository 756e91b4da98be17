/**
 * Issue 14, point 8: the emergency form closes once set (a banner with Clear says it is on),
 * templates staff keep and reuse, and a start time the player waits for.
 */
import type { Page } from '@playwright/test';
import { setPin, unlockAdmin } from './admin-helpers';
import { expectNoAxeViolations } from './admin-test-files';
import { expect, openPlayerOnFakeClock, skipAnimations, test } from './helpers';

const card = (page: Page) => page.getByRole('region', { name: 'Emergency message' });
const notice = (page: Page) => page.getByRole('alertdialog', { name: 'Important message' });

/** `YYYY-MM-DDTHH:MM` on the wall clock of `timeZone` at `instant`. */
function wallInput(instant: number, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

test('set closes the form and a banner offers Clear; a template is kept and reused after reload', async ({
  page,
  host,
}) => {
  await setPin(host.dataDir);
  await skipAnimations(page);
  await unlockAdmin(page, host.url);
  const write = card(page).getByRole('button', { name: 'Write a message' });
  const english = card(page).getByLabel('Message in English (required)');
  await write.click();
  await english.fill('Fire drill at noon. Please follow staff.');
  await card(page).getByLabel('Template name').fill('Fire drill');
  await card(page).getByRole('button', { name: 'Save as template' }).click();
  await expect(card(page).getByRole('status').filter({ hasText: 'saved' })).toHaveText(
    'Template "Fire drill" saved.',
  );
  await card(page).getByRole('button', { name: 'Show message' }).click();

  // The form closed; the banner says the message is on, with Clear.
  await expect(english).toBeHidden();
  await expect(write).toHaveAttribute('aria-expanded', 'false');
  await expect(card(page)).toContainText(
    'A message is showing over the player until it is cleared.',
  );
  await card(page).getByRole('button', { name: 'Clear message' }).click();
  await expect(card(page)).toContainText('No message is showing.');

  // The template lives on the host: after a reload it fills the form again.
  await page.reload();
  await expect(card(page)).toContainText('No message is showing.', { timeout: 15_000 });
  await write.click();
  await expect(english).toHaveValue('');
  await card(page).getByRole('button', { name: 'Use Fire drill' }).click();
  await expect(english).toHaveValue('Fire drill at noon. Please follow staff.');
  await expectNoAxeViolations(page, 'with the emergency form and a template');
  await card(page).getByRole('button', { name: 'Show message' }).click();
  await expect(english).toBeHidden();
  await expect(card(page)).toContainText('A message is showing over the player');

  await write.click();
  await card(page).getByRole('button', { name: 'Delete Fire drill' }).click();
  await expect(card(page).getByRole('button', { name: 'Use Fire drill' })).toHaveCount(0);
  await page.reload();
  await card(page).getByRole('button', { name: 'Write a message' }).click();
  await expect(card(page)).toContainText('No templates yet');
});

test('a message with a later start: the player shows nothing until then, then shows it', async ({
  page,
  browser,
  host,
}) => {
  await setPin(host.dataDir);
  await openPlayerOnFakeClock(page, host.url);

  // Its own context: the player's fake clock belongs to the player's context.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await unlockAdmin(admin, host.url);
  await card(admin).getByRole('button', { name: 'Write a message' }).click();
  await card(admin).getByLabel('Message in English (required)').fill('Closing at 5 pm today.');
  // Times are typed on the kiosk's clock, whose zone the label names.
  const startsLabel = card(admin).getByText(/^Starts \(optional, kiosk time: /);
  const zone = /kiosk time: ([^)]+)\)/.exec(await startsLabel.innerText())![1]!;
  const start = Math.ceil((Date.now() + 10 * 60_000) / 60_000) * 60_000;
  await card(admin)
    .getByLabel(/^Starts/)
    .fill(wallInput(start, zone));
  await card(admin).getByRole('button', { name: 'Show message' }).click();
  await expect(card(admin).getByRole('status').first()).toHaveText(
    'The message is set to show later.',
  );
  await expect(card(admin)).toContainText('A message will show over the player from');
  await expect(card(admin).getByRole('button', { name: 'Clear message' })).toBeVisible();

  // The player's next poll learns of the message, and waits.
  const polled = page.waitForResponse((response) => response.url().includes('alert'));
  await page.clock.runFor(2_500);
  await polled;
  await page.clock.runFor('05:00');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await page.clock.runFor('07:00');
  await expect(notice(page)).toContainText('Closing at 5 pm today.', { timeout: 10_000 });
  await adminContext.close();
});
