/**
 * Helpers for the Playlists specs: the shipped playlist, locators for the list and the editor,
 * saving, what was saved on disk, and uploads made through the KioskApi from the page.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { unlockAdmin } from './admin-helpers';
import { pageClient, type TestFile } from './admin-test-files';

/** The shipped playlist's name and its slides' English titles. */
export const SHIPPED = 'Belgium: open by nature';
export const SHIPPED_TITLES = [
  'About us',
  'Open for innovation',
  'Open for partnerships',
  'Open for diversity',
];

/** The parts of content.json the specs look at. */
export interface SavedContent {
  defaultPlaylistId: string;
  playlists: {
    id: string;
    name: string;
    schedule?: Record<string, unknown>;
    slides: {
      id: string;
      kind: string;
      durationMs: number;
      title: Record<string, string>;
      body?: Record<string, string>;
      image?: { src: string; alt: Record<string, string> };
      video?: { src: string; muted: boolean; loop: boolean; captions?: Record<string, string> };
    }[];
  }[];
}

/** content.json as the host last wrote it. */
export async function savedContent(dataDir: string): Promise<SavedContent> {
  return JSON.parse(await readFile(path.join(dataDir, 'content.json'), 'utf8')) as SavedContent;
}

/** Unlock the admin and show the Playlists section. */
export async function openPlaylists(page: Page, url: string): Promise<void> {
  await unlockAdmin(page, url);
  await page.goto(`${url}/#/admin/playlists`);
  await expect(
    page.getByRole('heading', { level: 2, name: 'Playlists', exact: true }),
  ).toBeVisible();
}

/** The list item of a playlist, found by its name. */
export function playlistItem(page: Page, name: string): Locator {
  return page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name, exact: true }) });
}

/** A button by its exact accessible name. */
export function button(scope: Page | Locator, name: string): Locator {
  return scope.getByRole('button', { name, exact: true });
}

/** Open a playlist in the editor from the list. */
export async function editPlaylist(page: Page, name: string): Promise<void> {
  await button(page, `Edit ${name}`).click();
  await expect(page.getByRole('heading', { name: `Editing: ${name}` })).toBeVisible();
}

/**
 * A colleague, in a second tab of the same signed-in browser (the session cookie is shared),
 * gives the first slide of a playlist a new English title and saves; then that tab closes and
 * the first one is in front again.
 */
export async function colleagueSavesTitle(
  page: Page,
  url: string,
  playlist: string,
  title: string,
): Promise<void> {
  const other = await page.context().newPage();
  await other.goto(`${url}/#/admin/playlists`);
  await editPlaylist(other, playlist);
  await other.getByLabel('Title (English)', { exact: true }).fill(title);
  await save(other);
  await other.close();
  await page.bringToFront();
}

/** Unlock the admin and open a playlist (the shipped one unless named) in the editor. */
export async function openPlaylist(page: Page, url: string, name = SHIPPED): Promise<void> {
  await openPlaylists(page, url);
  await editPlaylist(page, name);
}

/** The slide titles as the editor's slide list shows them ("1. About us"), in order. */
export function slideTitles(page: Page): Locator {
  return page.locator('.pl-slide__title');
}

/** Press Save and wait until the save bar says everything is saved. */
export async function save(page: Page): Promise<void> {
  await button(page, 'Save').click();
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
}

/** Upload a file through the KioskApi from the page (begin, chunks, finish); returns its ref. */
export async function uploadFromPage(page: Page, file: TestFile): Promise<string> {
  const outcome = await pageClient(page).upload(file.name, file.buffer);
  if (outcome.step !== 'finish' || outcome.error) {
    throw new Error(`${file.name}: ${outcome.step} refused (${outcome.status}): ${outcome.text}`);
  }
  return outcome.body.ref;
}
