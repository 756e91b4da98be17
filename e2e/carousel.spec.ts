/**
 * UI-CONTRACT.md, Player: the carousel, its slides, previous/next, rotation button, tabs and keys.
 */
import {
  allSlides,
  button,
  carousel,
  expect,
  expectSlide,
  openPlayer,
  showSlide,
  SLIDES,
  tablist,
  tabs,
  test,
  UI,
} from './helpers';

const TOTAL = SLIDES.length;

test.beforeEach(async ({ page, host }) => {
  await openPlayer(page, host.url);
});

test('the carousel has aria-roledescription="carousel" and an accessible name', async ({
  page,
}) => {
  await expect(carousel(page)).toHaveCount(1);
  await expect(carousel(page)).toHaveAccessibleName(/\S/);
  // The name is the one a screen reader hears, not an empty aria-label.
  const name = await carousel(page).getAttribute('aria-label');
  expect(name?.trim().length ?? 0).toBeGreaterThan(3);
});

test('there are four slides, each a group labelled "N of 4" holding its title', async ({
  page,
}) => {
  expect(TOTAL).toBe(4);
  for (let n = 1; n <= TOTAL; n++) {
    await expectSlide(page, n);
    const slide = allSlides(page);
    await expect(slide).toHaveAttribute('role', 'group');
    await expect(slide).toHaveAttribute('aria-roledescription', 'slide');
    await expect(slide).toHaveAccessibleName(new RegExp(`^${n} of ${TOTAL}`));
    await expect(slide.getByRole('heading')).toHaveText(SLIDES[n - 1]!.title.en!);
    if (n < TOTAL) await button(page, UI.en.next).click();
  }
});

test('exactly one slide is visible at rest', async ({ page }) => {
  await expectSlide(page, 1);
  await button(page, UI.en.next).click();
  await expectSlide(page, 2);
  // After the transition the previous slide has left the page entirely.
  await expect(allSlides(page)).toHaveCount(1);
  await expect(page.getByRole('heading', { name: SLIDES[0]!.title.en })).toHaveCount(0);
  const visible = await allSlides(page).evaluateAll(
    (els) => els.filter((el) => el.getBoundingClientRect().width > 0).length,
  );
  expect(visible).toBe(1);
});

test('"Next slide" goes forward and wraps from the last slide to the first', async ({ page }) => {
  const next = button(page, UI.en.next);
  for (let n = 2; n <= TOTAL; n++) {
    await next.click();
    await expectSlide(page, n);
  }
  await next.click();
  await expectSlide(page, 1);
});

test('"Previous slide" goes back and wraps from the first slide to the last', async ({ page }) => {
  const previous = button(page, UI.en.previous);
  await previous.click();
  await expectSlide(page, TOTAL);
  for (let n = TOTAL - 1; n >= 1; n--) {
    await previous.click();
    await expectSlide(page, n);
  }
});

test('the rotation button reads "Stop…" while rotating and "Start…" while stopped', async ({
  page,
}) => {
  await expect(button(page, UI.en.stop)).toBeVisible();
  await expect(button(page, UI.en.start)).toHaveCount(0);
  await button(page, UI.en.stop).click();
  await expect(button(page, UI.en.start)).toBeVisible();
  await expect(button(page, UI.en.stop)).toHaveCount(0);
  await button(page, UI.en.start).click();
  await expect(button(page, UI.en.stop)).toBeVisible();
  await expect(button(page, UI.en.start)).toHaveCount(0);
});

test('a tablist named "Slides" has one tab per slide and marks the current one', async ({
  page,
}) => {
  const list = tablist(page);
  await expect(list).toBeVisible();
  await expect(list.getByRole('tab')).toHaveCount(TOTAL);
  await expect(tabs(page)).toHaveCount(TOTAL);
  const expectSelected = async (current: number) => {
    for (let i = 0; i < TOTAL; i++) {
      await expect(tabs(page).nth(i)).toHaveAttribute(
        'aria-selected',
        i === current ? 'true' : 'false',
      );
    }
    await expect(list.locator('[aria-selected="true"]')).toHaveCount(1);
  };
  await expectSelected(0);
  await button(page, UI.en.next).click();
  await expectSlide(page, 2);
  await expectSelected(1);
});

test('clicking a tab shows that slide', async ({ page }) => {
  for (const n of [3, 1, 4, 2]) {
    await showSlide(page, n);
  }
});

test('ArrowRight/ArrowLeft move between slides with focus on nothing', async ({ page }) => {
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  await page.keyboard.press('ArrowRight');
  await expectSlide(page, 2);
  await page.keyboard.press('ArrowLeft');
  await expectSlide(page, 1);
  // Wraps both ways.
  await page.keyboard.press('ArrowLeft');
  await expectSlide(page, TOTAL);
  await page.keyboard.press('ArrowRight');
  await expectSlide(page, 1);
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
});

test('ArrowRight/ArrowLeft move between slides with focus on any control in the player', async ({
  page,
}) => {
  const targets = [
    button(page, UI.en.next),
    button(page, UI.en.previous),
    page.getByRole('button', { name: /automatic slide show/ }),
    button(page, 'English'),
    button(page, 'Accessibility'),
  ];
  let n = 1;
  for (const target of targets) {
    await target.focus();
    await expect(target).toBeFocused();
    await page.keyboard.press('ArrowRight');
    n = (n % TOTAL) + 1;
    await expectSlide(page, n);
    await page.keyboard.press('ArrowLeft');
    n = ((n + TOTAL - 2) % TOTAL) + 1;
    await expectSlide(page, n);
    await page.keyboard.press('ArrowRight');
    n = (n % TOTAL) + 1;
    await expectSlide(page, n);
  }
  // On the tabs too: the slide moves and focus follows the selected tab.
  await tabs(page)
    .nth(n - 1)
    .focus();
  await page.keyboard.press('ArrowRight');
  n = (n % TOTAL) + 1;
  await expectSlide(page, n);
  await expect(tabs(page).nth(n - 1)).toBeFocused();
});

test('Home and End on the tablist pick the first and last slide', async ({ page }) => {
  await showSlide(page, 2);
  await page.keyboard.press('End');
  await expectSlide(page, TOTAL);
  await page.keyboard.press('Home');
  await expectSlide(page, 1);
  await expect(tabs(page).first()).toBeFocused();
});
