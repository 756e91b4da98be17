import { describe, expect, it } from 'vitest';
import type { Problem } from '#core/problems';
import { DEFAULT_SETTINGS } from '#core/schema';
import { checkLanguageCode, fieldOf, fromDraft, toDraft } from './settings-draft';

describe('settings draft', () => {
  it('round-trips the saved settings unchanged', () => {
    const result = fromDraft(toDraft(DEFAULT_SETTINGS), DEFAULT_SETTINGS);
    expect(result).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });

  it('names each bad number by field with its range, and sends nothing', () => {
    const draft = { ...toDraft(DEFAULT_SETTINGS), countdownSec: '1', idleTimeoutSec: '9x' };
    const result = fromDraft(draft, DEFAULT_SETTINGS);
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          source: 'settings',
          path: '$.idleTimeoutSec',
          message: 'must be a whole number of seconds',
        },
        {
          source: 'settings',
          path: '$.countdownSec',
          message: 'must be between 5 and 120 seconds',
        },
      ],
    });
  });

  it('reads other names of the kiosk one per line or comma, and names a bad one by its field', () => {
    const draft = {
      ...toDraft(DEFAULT_SETTINGS),
      allowedHostNames: 'Kiosk-3.Embassy.Example\n\n kiosk3, 192.0.2.10 ',
    };
    const saved = fromDraft(draft, DEFAULT_SETTINGS);
    expect(saved.ok && saved.settings.allowedHostNames).toEqual([
      'kiosk-3.embassy.example',
      'kiosk3',
      '192.0.2.10',
    ]);
    expect(toDraft(saved.ok ? saved.settings : DEFAULT_SETTINGS).allowedHostNames).toBe(
      'kiosk-3.embassy.example\nkiosk3\n192.0.2.10',
    );
    const bad = fromDraft({ ...draft, allowedHostNames: 'kiosk:8443' }, DEFAULT_SETTINGS);
    expect(bad).toMatchObject({ ok: false, problems: [{ path: '$.allowedHostNames[0]' }] });
    expect(fieldOf((bad as { problems: Problem[] }).problems[0]!)).toBe('allowedHostNames');
  });

  it('keeps play records for the chosen number of days, within 1 to 3650', () => {
    const draft = { ...toDraft(DEFAULT_SETTINGS), playLogRetentionDays: '30' };
    const saved = fromDraft(draft, DEFAULT_SETTINGS);
    expect(saved.ok && saved.settings.playLogRetentionDays).toBe(30);
    const tooLong = fromDraft({ ...draft, playLogRetentionDays: '4000' }, DEFAULT_SETTINGS);
    expect(tooLong).toMatchObject({
      ok: false,
      problems: [{ path: '$.playLogRetentionDays', message: 'must be between 1 and 3650 days' }],
    });
  });

  it('keeps only checked languages and refuses a default that is not among them', () => {
    const draft = toDraft(DEFAULT_SETTINGS);
    draft.languages = draft.languages.map((l) => ({ ...l, enabled: l.code !== 'en' }));
    const result = fromDraft(draft, DEFAULT_SETTINGS);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map(fieldOf)).toEqual(['defaultLanguage']);
    draft.defaultLanguage = 'fr';
    const saved = fromDraft(draft, DEFAULT_SETTINGS);
    expect(saved.ok && saved.settings.enabledLanguages).toEqual(['fr', 'nl', 'de']);
  });

  it('treats an empty time zone as the machine’s and refuses unknown names', () => {
    const draft = { ...toDraft(DEFAULT_SETTINGS), timeZone: '  ' };
    const none = fromDraft(draft, DEFAULT_SETTINGS);
    expect(none.ok && none.settings.timeZone).toBeUndefined();
    const brussels = fromDraft({ ...draft, timeZone: 'Europe/Brussels' }, DEFAULT_SETTINGS);
    expect(brussels.ok && brussels.settings.timeZone).toBe('Europe/Brussels');
    const mars = fromDraft({ ...draft, timeZone: 'Mars/Olympus' }, DEFAULT_SETTINGS);
    expect(mars.ok).toBe(false);
    if (!mars.ok) expect(mars.problems[0]?.path).toBe('$.timeZone');
  });

  it('turns the quiet-hour reload off when empty and on at the chosen hour', () => {
    const draft = toDraft(DEFAULT_SETTINGS);
    expect(draft.quietReloadHour).toBe('');
    const off = fromDraft(draft, DEFAULT_SETTINGS);
    expect(off.ok && off.settings.quietReloadHour).toBeUndefined();
    const at3 = fromDraft({ ...draft, quietReloadHour: '3' }, DEFAULT_SETTINGS);
    expect(at3.ok && at3.settings.quietReloadHour).toBe(3);
    expect(toDraft({ ...DEFAULT_SETTINGS, quietReloadHour: 0 }).quietReloadHour).toBe('0');
  });

  it('accepts BCP 47 tags in canonical form and refuses anything else', () => {
    expect(checkLanguageCode('ar')).toEqual({ ok: true, code: 'ar' });
    expect(checkLanguageCode(' nl-be ')).toEqual({ ok: true, code: 'nl-BE' });
    for (const bad of ['', 'english!', 'e', 'en_GB', '12']) {
      expect(checkLanguageCode(bad).ok, bad).toBe(false);
    }
  });

  it('finds the field of host and page problems alike', () => {
    const at = (path: string) => fieldOf({ source: 'x', path, message: '' });
    expect(at('$.settings.countdownSec')).toBe('countdownSec');
    expect(at('$.countdownSec')).toBe('countdownSec');
    expect(at('$.settings.enabledLanguages[2]')).toBe('enabledLanguages');
  });
});
