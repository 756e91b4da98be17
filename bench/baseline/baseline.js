// Baseline slideshow: build the four slides once, then move between them by swapping classes.
// CSS runs the transition; the script only picks which slide is current and when.

const LANG = 'en';
const { slides } = JSON.parse(document.getElementById('content').textContent);
const skipAnimations = window.__SKIP_ANIMATIONS__ === true; // set by the soak benchmark
const viewport = document.getElementById('viewport');
const progress = document.getElementById('progress');
const template = document.getElementById('slide');

/** One slide's DOM from the template. */
function build(slide, i) {
  const node = template.content.firstElementChild.cloneNode(true);
  const image = node.querySelector('img');
  image.src = slide.image.src.replace(/^builtin:/, '/builtin/');
  image.alt = slide.image.alt?.[LANG] ?? '';
  node.querySelector('.title').textContent = slide.title[LANG];
  node.querySelector('.lead').textContent = slide.lead?.[LANG] ?? '';
  const body = node.querySelector('.body');
  for (const text of (slide.body?.[LANG] ?? '').split(/\n\s*\n/).filter((t) => t.trim())) {
    body.appendChild(document.createElement('p')).textContent = text;
  }
  node.setAttribute('aria-label', `${i + 1} of ${slides.length}`);
  return node;
}

const frames = slides.map(build);
const segments = slides.map(() => progress.appendChild(document.createElement('span')));
const fill = document.createElement('span');
fill.className = 'fill';
let index = 0;
let rotating = true;
let timer;

/** Show slide `next`, animating in direction `dir` (1 forward, -1 back). */
function show(next, dir) {
  const from = frames[index];
  const to = frames[next];
  for (const frame of frames) {
    frame.className = 'slide';
    frame.inert = frame !== to;
    frame.setAttribute('aria-hidden', String(frame !== to));
  }
  to.classList.add('is-current');
  if (from !== to && dir && !skipAnimations) {
    from.classList.add('is-leaving', dir > 0 ? 'leave-next' : 'leave-previous');
    to.classList.add(dir > 0 ? 'enter-next' : 'enter-previous');
  }
  index = next;
  // Re-inserting the fill restarts its CSS animation for the new slide.
  fill.style.animationDuration = `${slides[next].durationMs}ms`;
  segments[next].appendChild(fill);
  clearTimeout(timer);
  if (rotating) timer = setTimeout(() => go(1), slides[next].durationMs);
}

/** Move by `dir` slides with wrap-around. */
function go(dir) {
  show((index + dir + slides.length) % slides.length, dir);
}

// When a slide's movement ends, drop the animation classes (the leaving slide hides).
viewport.addEventListener('animationend', (event) => {
  const frame = event.target;
  if (!frame.classList.contains('slide')) return;
  if (event.animationName.startsWith('to-')) {
    frame.classList.remove('is-leaving', 'leave-next', 'leave-previous');
  } else if (event.animationName.startsWith('from-')) {
    frame.classList.remove('enter-next', 'enter-previous');
  }
});

// Any touch or key stops the automatic rotation, as in the player.
const stopRotation = () => {
  rotating = false;
  clearTimeout(timer);
  fill.classList.add('is-full');
};
window.addEventListener('pointerdown', stopRotation, { capture: true, passive: true });
window.addEventListener('keydown', stopRotation, { capture: true, passive: true });
window.addEventListener('keydown', (event) => {
  if (event.key === 'ArrowRight') go(1);
  else if (event.key === 'ArrowLeft') go(-1);
});
document.getElementById('previous').addEventListener('click', () => go(-1));
document.getElementById('next').addEventListener('click', () => go(1));

viewport.append(...frames);
show(0, 0);
