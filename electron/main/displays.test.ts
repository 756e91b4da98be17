import type { Display } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeDisplay, resetFakeElectron, screen } from '../test/fake-electron.js';
import { chooseDisplay, describeDisplays, kioskBounds, windowedBounds } from './displays.js';

vi.mock('electron', () => import('../test/fake-electron.js'));

const left = fakeDisplay(11, 0) as Display;
const right = fakeDisplay(22, 1920, 1080, 1920) as Display;
const displays = [left, right];

describe('chooseDisplay', () => {
  it('picks the primary, an index or an id', () => {
    expect(chooseDisplay(displays, right, { kind: 'primary' }).display).toBe(right);
    expect(chooseDisplay(displays, left, { kind: 'index', index: 1 }).display).toBe(right);
    expect(chooseDisplay(displays, left, { kind: 'id', id: 22 }).display).toBe(right);
  });

  it('falls back to the primary display with a warning when the choice is not connected', () => {
    const byIndex = chooseDisplay(displays, left, { kind: 'index', index: 2 });
    expect(byIndex).toEqual({
      display: left,
      warning: 'display 2 is not connected (2 found); using the primary display',
    });
    expect(chooseDisplay(displays, left, { kind: 'id', id: 5 }).warning).toMatch(/id:5/);
  });
});

describe('describeDisplays', () => {
  it('numbers the displays as --display does and marks the primary', () => {
    expect(describeDisplays(displays, left)).toBe(
      '0: id:11 1920x1080 at 0,0 (primary); 1: id:22 1080x1920 at 1920,0',
    );
  });
});

describe('windowedBounds', () => {
  it.each([
    [
      'centres a 1280×800 window in the work area',
      { x: 1920, y: 0, width: 1920, height: 1040 },
      { x: 2240, y: 120, width: 1280, height: 800 },
    ],
    [
      'shrinks to fit a small screen',
      { x: 0, y: 0, width: 1024, height: 728 },
      { x: 0, y: 0, width: 1024, height: 728 },
    ],
  ])('%s', (_name, workArea, bounds) => {
    expect(windowedBounds(workArea)).toEqual(bounds);
  });
});

describe('kioskBounds', () => {
  beforeEach(() => {
    resetFakeElectron();
    screen.displays = [fakeDisplay(1, 0), fakeDisplay(2, 1920)];
  });

  it("covers the chosen display's whole bounds for the kiosk", () => {
    expect(kioskBounds({ kind: 'index', index: 1 }, false)).toEqual({
      x: 1920,
      y: 0,
      width: 1920,
      height: 1080,
    });
  });

  it("centres the windowed mode in the chosen display's work area", () => {
    const bounds = kioskBounds({ kind: 'id', id: 2 }, true);
    expect(bounds.x).toBe(1920 + 320);
    expect(bounds.width).toBe(1280);
  });

  it('uses the primary display when the chosen one is missing', () => {
    screen.primaryIndex = 1;
    expect(kioskBounds({ kind: 'index', index: 7 }, false).x).toBe(1920);
  });
});
