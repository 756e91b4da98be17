/**
 * UI-CONTRACT.md, Player, Touch: swipes through CDP touch events, and input stopping rotation.
 */
import {
  button,
  carousel,
  expect,
  expectSlide,
  openPlayer,
  slideTextPoint,
  SLIDES,
  test,
  touchDrag,
  touchTap,
  UI,
} from './helpers';

test.beforeEach(async ({ page, host }) => {
  await openPlayer(page, host.url);
  await expectSlide(page, 1);
});

test('a swipe to the left shows the next slide, to the right the previous', async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  const at = await slideTextPoint(page);
  await touchDrag(cdp, at, { x: at.x - 400, y: at.y + 10 });
  await expectSlide(page, 2);
  await touchDrag(cdp, at, { x: at.x - 400, y: at.y - 10 });
  await expectSlide(page, 3);
  await touchDrag(cdp, at, { x: at.x + 400, y: at.y });
  await expectSlide(page, 2);
  await touchDrag(cdp, at, { x: at.x + 400, y: at.y });
  await expectSlide(page, 1);
  // Wraps like the buttons do.
  await touchDrag(cdp, at, { x: at.x + 400, y: at.y });
  await expectSlide(page, SLIDES.length);
});

test('a swipe over the artwork works too', async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  const art = await page.locator('.slide__art').boundingBox();
  expect(art).not.toBeNull();
  const at = { x: Math.round(art!.x + art!.width / 2), y: Math.round(art!.y + art!.height / 2) };
  await touchDrag(cdp, at, { x: at.x - 300, y: at.y });
  await expectSlide(page, 2);
});

test('a vertical drag or a short move does not change the slide', async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  const at = await slideTextPoint(page);
  await touchDrag(cdp, at, { x: at.x - 30, y: at.y + 300 });
  await touchDrag(cdp, at, { x: at.x - 20, y: at.y });
  // Then a real swipe: had the earlier drags moved, this would land on slide 3.
  await touchDrag(cdp, at, { x: at.x - 400, y: at.y });
  await expectSlide(page, 2);
});

test('a tap stops automatic rotation', async ({ page }) => {
  await expect(button(page, UI.en.stop)).toBeVisible();
  const cdp = await page.context().newCDPSession(page);
  await touchTap(cdp, await slideTextPoint(page));
  await expect(button(page, UI.en.start)).toBeVisible();
  await expectSlide(page, 1);
});

test('a swipe stops automatic rotation', async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  const at = await slideTextPoint(page);
  await touchDrag(cdp, at, { x: at.x - 400, y: at.y });
  await expectSlide(page, 2);
  await expect(button(page, UI.en.start)).toBeVisible();
});

test('a mouse click on the slide stops automatic rotation', async ({ page }) => {
  const at = await slideTextPoint(page);
  await page.mouse.click(at.x, at.y);
  await expect(button(page, UI.en.start)).toBeVisible();
});

test('a key press stops automatic rotation', async ({ page }) => {
  await expect(button(page, UI.en.stop)).toBeVisible();
  await page.keyboard.press('Shift');
  await expect(button(page, UI.en.start)).toBeVisible();
});

test('tapping "Next slide" stops rotation, tapping the rotation button toggles it', async ({
  page,
}) => {
  const cdp = await page.context().newCDPSession(page);
  const centre = async (name: string) => {
    const box = (await button(page, name).boundingBox())!;
    return { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height / 2) };
  };
  await touchTap(cdp, await centre(UI.en.next));
  await expectSlide(page, 2);
  await expect(button(page, UI.en.start)).toBeVisible();
  await touchTap(cdp, await centre(UI.en.start));
  await expect(button(page, UI.en.stop)).toBeVisible();
});

test('a swipe does not navigate the browser history away from the player', async ({
  page,
  host,
}) => {
  // Give the tab a page to go back to, and one to go forward to.
  await page.goto(`${host.url}/?before`);
  await page.goto(host.url);
  await page.goto(`${host.url}/?after`);
  await page.goBack();
  await expect(carousel(page)).toBeVisible();
  const url = page.url();
  const length = await page.evaluate(() => history.length);
  const cdp = await page.context().newCDPSession(page);
  const at = await slideTextPoint(page);
  await touchDrag(cdp, at, { x: at.x + 600, y: at.y }, 20);
  await expectSlide(page, SLIDES.length);
  await touchDrag(cdp, at, { x: at.x - 600, y: at.y }, 20);
  await expectSlide(page, 1);
  expect(page.url()).toBe(url);
  expect(await page.evaluate(() => history.length)).toBe(length);
  // The styles that keep Chromium from turning a swipe into back/forward.
  const styles = await page.evaluate(() => {
    const style = (el: Element) => getComputedStyle(el);
    const c = document.querySelector('[aria-roledescription="carousel"]')!;
    return {
      body: style(document.body).touchAction,
      carousel: style(c).touchAction,
      overscroll: [style(document.documentElement), style(document.body), style(c)].map(
        (s) => s.overscrollBehaviorX,
      ),
    };
  });
  expect(['pan-y', 'none']).toContain(styles.body);
  expect(['pan-y', 'none']).toContain(styles.carousel);
  expect(styles.overscroll).toEqual(['none', 'none', 'none']);
});
