import { describe, expect, it } from 'vitest';
import {
  activeAlert,
  Alert,
  AlertInput,
  alertInputProblems,
  alertState,
  cleanAlertText,
} from './alert.js';

const NOW = Date.parse('2026-05-01T12:00:00Z');

describe('emergency message schema', () => {
  it('accepts text per language with optional expiry, and refuses empty or bad values', () => {
    expect(AlertInput.safeParse({ text: { en: 'Closed', fr: '' } }).success).toBe(true);
    expect(
      AlertInput.safeParse({ text: { en: 'Closed' }, expiresAt: '2026-05-01T18:00:00+02:00' })
        .success,
    ).toBe(true);
    expect(AlertInput.safeParse({ text: { en: '  ', fr: '' } }).success).toBe(false);
    expect(AlertInput.safeParse({ text: {} }).success).toBe(false);
    expect(AlertInput.safeParse({ text: { 'not a tag': 'x' } }).success).toBe(false);
    expect(AlertInput.safeParse({ text: { en: 'x' }, expiresAt: 'tomorrow' }).success).toBe(false);
    expect(AlertInput.safeParse({ text: { en: 'x'.repeat(1001) } }).success).toBe(false);
    expect(Alert.safeParse({ text: { en: 'x' } }).success).toBe(false); // createdAt missing
  });

  it('needs the default language and a future expiry', () => {
    expect(alertInputProblems({ text: { fr: 'Fermé' } }, 'en', NOW)).toEqual([
      expect.objectContaining({ path: '$.text.en' }),
    ]);
    expect(
      alertInputProblems({ text: { en: 'x' }, expiresAt: '2026-05-01T11:59:00Z' }, 'en', NOW),
    ).toEqual([expect.objectContaining({ path: '$.expiresAt' })]);
    expect(
      alertInputProblems({ text: { en: 'x' }, expiresAt: '2026-05-01T12:01:00Z' }, 'en', NOW),
    ).toEqual([]);
  });

  it('treats an expired message as cleared and says how long one still shows', () => {
    const alert = {
      text: { en: 'x' },
      createdAt: '2026-05-01T11:00:00Z',
      expiresAt: '2026-05-01T12:00:30Z',
    };
    expect(activeAlert(alert, NOW)).toBe(alert);
    expect(alertState(alert, NOW)).toEqual({ alert, expiresInMs: 30_000 });
    expect(activeAlert(alert, NOW + 30_000)).toBeNull();
    expect(alertState(alert, NOW + 31_000)).toEqual({ alert: null, expiresInMs: null });
    const forever = { text: { en: 'x' }, createdAt: '2026-05-01T11:00:00Z' };
    expect(alertState(forever, NOW + 1e9)).toEqual({ alert: forever, expiresInMs: null });
    expect(alertState(null, NOW)).toEqual({ alert: null, expiresInMs: null });
  });

  it('drops blank translations so the player falls back to the default language', () => {
    expect(cleanAlertText({ en: ' Closed ', fr: '  ', nl: 'Gesloten' })).toEqual({
      en: 'Closed',
      nl: 'Gesloten',
    });
  });
});
