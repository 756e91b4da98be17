import { describe, expect, it } from 'vitest';
import { isRightToLeft, langAttributes, languageName, pickText, textDirection } from './i18n';

describe('i18n helpers', () => {
  it('names languages in their own language', () => {
    expect(['en', 'fr', 'nl', 'de'].map(languageName)).toEqual([
      'English',
      'Français',
      'Nederlands',
      'Deutsch',
    ]);
    expect(languageName('nl-BE')).toBe('Nederlands');
    expect(languageName('sw')).toBe('sw');
  });

  it('knows right-to-left scripts', () => {
    expect(isRightToLeft('ar')).toBe(true);
    expect(isRightToLeft('he-IL')).toBe(true);
    expect(isRightToLeft('fr')).toBe(false);
  });

  it('gives each text its own direction, whatever the page direction', () => {
    expect(textDirection('ar')).toBe('rtl');
    expect(textDirection('fa-IR')).toBe('rtl');
    expect(textDirection('en')).toBe('ltr');
    expect(langAttributes('en')).toEqual({ lang: 'en', dir: 'ltr' });
    expect(langAttributes('ar')).toEqual({ lang: 'ar', dir: 'rtl' });
  });

  it('picks the language, its base, the fallback, then anything, and says which', () => {
    const text = { en: 'Hello', fr: 'Bonjour', nl: '  ' };
    expect(pickText(text, 'fr', 'en')).toEqual({ text: 'Bonjour', lang: 'fr' });
    expect(pickText(text, 'fr-BE', 'en')).toEqual({ text: 'Bonjour', lang: 'fr' });
    expect(pickText(text, 'nl', 'en')).toEqual({ text: 'Hello', lang: 'en' });
    expect(pickText({ de: 'Hallo' }, 'nl', 'en')).toEqual({ text: 'Hallo', lang: 'de' });
    expect(pickText(undefined, 'nl', 'en')).toEqual({ text: '', lang: 'nl' });
  });
});
