import { describe, expect, it } from 'vitest';
import { hyphenate, loadHyphenation } from './hyphenation';
import { captionLanguage } from './useCaptions';

/** Wait until a language's patterns are in (hyphenate stops returning the text unchanged). */
async function loaded(lang: string, word: string): Promise<void> {
  loadHyphenation(lang);
  await expect.poll(() => hyphenate(word, lang), { timeout: 10_000 }).not.toBe(word);
}

describe('hyphenation', () => {
  it('puts soft hyphens into long words by each language’s own patterns', async () => {
    await loaded('de', 'Partnerschaften');
    expect(hyphenate('Partnerschaften', 'de')).toBe('Part\u00adner\u00adschaf\u00adten');
    await loaded('nl', 'partnerschappen');
    expect(hyphenate('partnerschappen', 'nl').replace(/\u00ad/g, '')).toBe('partnerschappen');
    expect(hyphenate('partnerschappen', 'nl')).toContain('\u00ad');
    await loaded('en-GB', 'internationalization');
    await loaded('fr', 'internationalisation');
  });

  it('leaves text in a language without patterns as it is', () => {
    expect(hyphenate('Partnerschaften', 'xx')).toBe('Partnerschaften');
  });
});

describe('captionLanguage', () => {
  const captions = { en: 'media:a', fr: 'media:b' };
  it('is the visitor’s language, else the default language, else none', () => {
    expect(captionLanguage(captions, { lang: 'fr', fallback: 'en' })).toBe('fr');
    expect(captionLanguage(captions, { lang: 'nl', fallback: 'en' })).toBe('en');
    expect(captionLanguage(captions, { lang: 'nl', fallback: 'de' })).toBeUndefined();
    expect(captionLanguage(undefined, { lang: 'en', fallback: 'en' })).toBeUndefined();
  });
});
