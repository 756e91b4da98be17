import { describe, expect, it } from 'vitest';
import {
  activeAlert,
  Alert,
  AlertInput,
  alertInputProblems,
  alertShowsAt,
  alertState,
  AlertTemplate,
  AlertTemplates,
  cleanAlertText,
  MAX_ALERT_TEMPLATES,
  withoutTemplate,
  withTemplate,
} from './alert.js';

const NOW = Date.parse('2026-05-01T12:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

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
    expect(alertState(alert, NOW)).toEqual({ alert, startsInMs: 0, expiresInMs: 30_000 });
    expect(activeAlert(alert, NOW + 30_000)).toBeNull();
    expect(alertState(alert, NOW + 31_000)).toEqual({
      alert: null,
      startsInMs: null,
      expiresInMs: null,
    });
    const forever = { text: { en: 'x' }, createdAt: '2026-05-01T11:00:00Z' };
    expect(alertState(forever, NOW + 1e9)).toEqual({
      alert: forever,
      startsInMs: 0,
      expiresInMs: null,
    });
    expect(alertState(null, NOW)).toEqual({ alert: null, startsInMs: null, expiresInMs: null });
  });

  it('drops blank translations so the player falls back to the default language', () => {
    expect(cleanAlertText({ en: ' Closed ', fr: '  ', nl: 'Gesloten' })).toEqual({
      en: 'Closed',
      nl: 'Gesloten',
    });
  });

  it('holds a message with a start time until then, and shows it from then until its expiry', () => {
    const alert = {
      text: { en: 'Closing early' },
      startsAt: iso(NOW + 60_000),
      expiresAt: iso(NOW + 120_000),
      createdAt: iso(NOW),
    };
    expect(alertState(alert, NOW)).toEqual({ alert, startsInMs: 60_000, expiresInMs: 120_000 });
    expect(alertShowsAt(alert, NOW)).toBe(false);
    expect(alertShowsAt(alert, NOW + 60_000)).toBe(true);
    expect(alertState(alert, NOW + 90_000).startsInMs).toBe(0);
    expect(alertShowsAt(alert, NOW + 120_000)).toBe(false);
    expect(alertState(alert, NOW + 120_000).alert).toBeNull();
  });

  it('refuses a start that is not before the expiry; a start already past means now', () => {
    const text = { en: 'x' };
    const at = (ms: number) => iso(NOW + ms);
    expect(
      alertInputProblems({ text, startsAt: at(60_000), expiresAt: at(60_000) }, 'en', NOW),
    ).toEqual([
      {
        source: 'alert',
        path: '$.startsAt',
        message: `the start ${at(60_000)} must be before the expiry ${at(60_000)}`,
      },
    ]);
    expect(alertInputProblems({ text, startsAt: at(-60_000) }, 'en', NOW)).toEqual([]);
    expect(AlertInput.safeParse({ text, startsAt: 'tonight' }).success).toBe(false);
  });
});

describe('message templates', () => {
  const fire = { name: 'Fire drill', text: { en: 'Fire drill at noon', fr: ' ' } };
  it('adds by name, replacing one of the same name without case, sorted, blank texts dropped', () => {
    const one = withTemplate([], fire);
    expect(one).toEqual([{ name: 'Fire drill', text: { en: 'Fire drill at noon' } }]);
    const two = withTemplate(one, { name: 'Closed', text: { en: 'Closed today' } });
    expect(two.map((t) => t.name)).toEqual(['Closed', 'Fire drill']);
    const replaced = withTemplate(two, { name: 'FIRE DRILL', text: { en: 'Drill at 3 pm' } });
    expect(replaced.map((t) => t.name)).toEqual(['Closed', 'FIRE DRILL']);
    expect(withoutTemplate(replaced, ' fire drill ')).toEqual([two[0]]);
  });

  it('validates names, texts, count and unique names', () => {
    expect(AlertTemplate.safeParse({ name: '  ', text: { en: 'x' } }).success).toBe(false);
    expect(AlertTemplate.safeParse({ name: 'x'.repeat(81), text: { en: 'x' } }).success).toBe(
      false,
    );
    expect(AlertTemplate.safeParse({ name: 'Empty', text: { en: ' ' } }).success).toBe(false);
    expect(AlertTemplate.parse({ name: ' Closed ', text: { en: 'x' } }).name).toBe('Closed');
    const many = Array.from({ length: MAX_ALERT_TEMPLATES + 1 }, (_, i) => ({
      name: `T${i}`,
      text: { en: 'x' },
    }));
    expect(AlertTemplates.safeParse(many).success).toBe(false);
    expect(AlertTemplates.safeParse(many.slice(1)).success).toBe(true);
    const twins = [fire, { ...fire, name: 'fire DRILL' }];
    expect(AlertTemplates.safeParse(twins).success).toBe(false);
  });
});
