/**
 * Helpers for admin tests: set the staff PIN with the real CLI, unlock the admin, open a section.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

const ROOT = path.resolve(import.meta.dirname, '..');

/** The PIN the admin tests use. */
export const PIN = '246810';

/** Run `openness-kiosk pin set --data DIR` with the PIN on standard input. */
export async function setPin(dataDir: string, pin = PIN): Promise<void> {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'bin/openness-kiosk.mjs'), 'pin', 'set', '--data', dataDir],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  child.stdin.end(`${pin}\n`);
  const code = await new Promise((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`pin set failed (${code}): ${output}`);
}

/** Open `/#/admin` and unlock it with the PIN; resolves once the admin navigation shows. */
export async function unlockAdmin(page: Page, url: string, pin = PIN): Promise<void> {
  await page.goto(`${url}/#/admin`);
  const dialog = page.getByRole('dialog', { name: 'Staff access' });
  await dialog.getByLabel('PIN', { exact: true }).fill(pin);
  await dialog.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('navigation')).toBeVisible();
}

/**
 * Answer "Confirm with your PIN" (asked before a change that reaches beyond the screen, or a
 * publish) on its keypad; resolves once the dialog has closed.
 */
export async function confirmWithPin(page: Page, pin = PIN): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Confirm with your PIN' });
  await expect(dialog).toBeVisible();
  for (const digit of pin) await dialog.getByRole('button', { name: digit, exact: true }).click();
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog).toBeHidden({ timeout: 15_000 });
}

/**
 * Go to a section of the unlocked admin ("Media", "Settings", ...) with its navigation link;
 * resolves once the section's heading shows.
 */
export async function goToAdminSection(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
}

/** Unlock the admin and open one of its sections; resolves once its heading shows. */
export async function openAdminSection(page: Page, url: string, name: string): Promise<void> {
  await unlockAdmin(page, url);
  await goToAdminSection(page, name);
}

/** The admin specs' set-up: the staff PIN is set, and the screen asks for reduced motion. */
export async function setPinAndReduceMotion(dataDir: string, page: Page): Promise<void> {
  await setPin(dataDir);
  await page.emulateMedia({ reducedMotion: 'reduce' });
}
