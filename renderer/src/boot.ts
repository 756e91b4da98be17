/**
 * Page entry: the styles (render-blocking, so the host's first-slide markup paints styled), then
 * the player's code once that markup has painted. Not preloaded: fetching the player's chunks
 * alongside the stylesheet and the font delayed the first paint by about 100 ms (bench/), and
 * from the kiosk's own host they arrive within a frame or two after it.
 */
import '@fontsource-variable/inter/wght.css';
import './styles/base.css';
// What the host's first-slide markup is drawn with (the player's components import them too).
import './player/shell.css';
import './player/carousel.css';

/**
 * Run `then` once the page has painted (the first paint entry), or at once when it will not paint
 * soon (a hidden page) or cannot say. A paint entry, not a timer: a test's fake clock stops
 * timers and animation frames, not this.
 */
function afterFirstPaint(then: () => void) {
  if (
    document.visibilityState !== 'visible' ||
    !PerformanceObserver.supportedEntryTypes.includes('paint')
  ) {
    then();
    return;
  }
  let done = false;
  const observer = new PerformanceObserver(() => {
    if (done) return;
    done = true;
    observer.disconnect();
    then();
  });
  observer.observe({ type: 'paint', buffered: true });
}

const load = () => void import('./main');
const root = document.getElementById('root');
if (window.location.hash.startsWith('#/admin')) {
  // The staff screens: the visitor's first slide is not theirs to see.
  root?.replaceChildren();
  load();
} else if (root?.firstElementChild) {
  // The host drew the first slide into the page (host/http/first-slide-shell.ts): let it paint
  // before the player's code is compiled and run (long tasks) and replaces it.
  afterFirstPaint(load);
} else {
  load();
}
