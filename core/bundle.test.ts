import { describe, expect, it } from 'vitest';
import { judgeSequence, sequenceOf } from './bundle.js';

const rev = (n: number) => String(n).repeat(64).slice(0, 64);

describe('judgeSequence', () => {
  it('takes anything first, then only a higher sequence than any taken', () => {
    expect(judgeSequence({ revision: rev(1), sequence: 5 }, {})).toEqual({ verdict: 'take' });
    const taken = { current: rev(1), highest: 5 };
    expect(judgeSequence({ revision: rev(2), sequence: 6 }, taken).verdict).toBe('take');
    expect(judgeSequence({ revision: rev(1), sequence: 5 }, taken).verdict).toBe('same');
    const older = judgeSequence({ revision: rev(2), sequence: 4 }, taken);
    expect(older).toMatchObject({ verdict: 'refuse', reason: expect.stringMatching(/older/) });
    const twin = judgeSequence({ revision: rev(2), sequence: 5 }, taken);
    expect(twin).toMatchObject({ reason: expect.stringMatching(/with other content/) });
  });

  it('passes over the revision rolled back from, and judges against the highest after a roll back', () => {
    const taken = { current: rev(1), highest: 3, rolledBackFrom: rev(3) };
    expect(judgeSequence({ revision: rev(3), sequence: 3 }, taken).verdict).toBe('same');
    expect(judgeSequence({ revision: rev(2), sequence: 2 }, taken).verdict).toBe('refuse');
    expect(judgeSequence({ revision: rev(4), sequence: 4 }, taken).verdict).toBe('take');
  });

  it('counts a manifest without a sequence as 0: taken once, not again with other content', () => {
    expect(sequenceOf({})).toBe(0);
    expect(judgeSequence({ revision: rev(1) }, {}).verdict).toBe('take');
    const taken = { current: rev(1), highest: 0 };
    expect(judgeSequence({ revision: rev(2) }, taken)).toMatchObject({
      verdict: 'refuse',
      reason: expect.stringMatching(/no sequence number/),
    });
    expect(judgeSequence({ revision: rev(2), sequence: 1 }, taken).verdict).toBe('take');
  });
});
