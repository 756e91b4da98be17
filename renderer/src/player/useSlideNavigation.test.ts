import { describe, expect, it } from 'vitest';
import type { Slide } from '#core/schema';
import { followerIndex } from './useSlideNavigation';

const list = (...ids: string[]) => ids.map((id) => ({ id }) as Slide);

describe('followerIndex', () => {
  it('is the position of the slide that followed the one that left', () => {
    expect(followerIndex(list('a', 'b', 'c', 'd'), list('a', 'b', 'd'), 'c')).toBe(2);
  });

  it('skips followers that left too', () => {
    expect(followerIndex(list('a', 'b', 'c', 'd'), list('a', 'd'), 'b')).toBe(1);
  });

  it('is the length of the new list when nothing followed (the last slide left)', () => {
    expect(followerIndex(list('a', 'b', 'c'), list('a', 'b'), 'c')).toBe(2);
  });

  it('follows the new order of the slides that stayed', () => {
    expect(followerIndex(list('a', 'b', 'c'), list('c', 'a'), 'b')).toBe(0);
  });
});
