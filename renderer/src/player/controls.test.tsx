// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { domMin, LazyMotion, MotionGlobalConfig } from 'framer-motion';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Slide } from '#core/schema';
import { uiStrings } from '../i18n/strings';
import { AccessibilityMenu, DEFAULT_PREFS } from './AccessibilityMenu';
import { IdleDialog } from './IdleDialog';
import { LanguageSwitcher } from './LanguageSwitcher';
import { SlideTabs } from './SlideTabs';

beforeAll(() => {
  MotionGlobalConfig.skipAnimations = true;
});
afterEach(cleanup);

const slides = ['one', 'two', 'three'].map((id) =>
  Slide.parse({
    id,
    kind: 'theme',
    title: { en: `Title ${id}`, fr: `Titre ${id}` },
    body: { en: 'x' },
  }),
);

describe('SlideTabs', () => {
  it('is a tablist named Slides with the current tab selected and focusable', () => {
    const onSelect = vi.fn();
    render(
      <SlideTabs
        slides={slides}
        index={1}
        rotating
        language={{ lang: 'fr', fallback: 'en' }}
        strings={uiStrings('en')}
        onSelect={onSelect}
      />,
    );
    const tabs = screen.getAllByRole('tab');
    expect(screen.getByRole('tablist', { name: 'Slides' })).toBeTruthy();
    expect(tabs.map((t) => t.getAttribute('aria-label'))).toEqual([
      'Titre one',
      'Titre two',
      'Titre three',
    ]);
    expect(tabs.map((t) => t.getAttribute('aria-selected'))).toEqual(['false', 'true', 'false']);
    expect(tabs.map((t) => t.tabIndex)).toEqual([-1, 0, -1]);
    expect(tabs[1]!.getAttribute('aria-controls')).toBe('slide-two');
    fireEvent.click(tabs[2]!);
    fireEvent.keyDown(tabs[1]!, { key: 'End' });
    fireEvent.keyDown(tabs[1]!, { key: 'Home' });
    expect(onSelect.mock.calls).toEqual([[2], [2], [0]]);
  });
});

describe('LanguageSwitcher', () => {
  it('names each language in itself and marks the current one', () => {
    const onChoose = vi.fn();
    render(
      <LanguageSwitcher
        languages={['en', 'fr', 'nl', 'de']}
        current="nl"
        label="Taal"
        onChoose={onChoose}
      />,
    );
    const group = screen.getByRole('group', { name: 'Taal' });
    const buttons = group.querySelectorAll('button');
    expect(
      [...buttons].map((b) => [b.textContent, b.lang, b.getAttribute('aria-pressed')]),
    ).toEqual([
      ['English', 'en', 'false'],
      ['Français', 'fr', 'false'],
      ['Nederlands', 'nl', 'true'],
      ['Deutsch', 'de', 'false'],
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Deutsch' }));
    expect(onChoose).toHaveBeenCalledWith('de');
  });

  it('hides itself when only one language is enabled', () => {
    const { container } = render(
      <LanguageSwitcher languages={['en']} current="en" label="Language" onChoose={() => {}} />,
    );
    expect(container.innerHTML).toBe('');
  });
});

describe('AccessibilityMenu', () => {
  it('discloses three toggles that report the new preferences', () => {
    const onChange = vi.fn();
    render(
      <AccessibilityMenu prefs={DEFAULT_PREFS} strings={uiStrings('en')} onChange={onChange} />,
    );
    const toggle = screen.getByRole('button', { name: 'Accessibility' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Controls within reach' }));
    expect(onChange).toHaveBeenCalledWith({
      largeText: false,
      highContrast: false,
      lowReach: true,
    });
    expect(screen.getByRole('button', { name: 'Larger text' }).getAttribute('aria-pressed')).toBe(
      'false',
    );
  });
});

describe('IdleDialog', () => {
  it('is a modal alertdialog with a countdown and a focused Continue button', () => {
    const onContinue = vi.fn();
    render(
      <LazyMotion features={domMin} strict>
        <IdleDialog
          secondsLeft={7}
          strings={uiStrings('de')}
          reducedMotion
          onContinue={onContinue}
        />
      </LazyMotion>,
    );
    const dialog = screen.getByRole('alertdialog', { name: 'Sind Sie noch da?' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.textContent).toContain('7 Sekunden');
    const button = screen.getByRole('button', { name: 'Weiter' });
    expect(document.activeElement).toBe(button);
    fireEvent.click(button);
    expect(onContinue).toHaveBeenCalled();
  });
});

describe('labels in a right-to-left page', () => {
  it('speak Arabic, with Arabic plurals, in Arabic direction', () => {
    render(
      <LazyMotion features={domMin} strict>
        <IdleDialog secondsLeft={2} strings={uiStrings('ar')} reducedMotion onContinue={vi.fn()} />
      </LazyMotion>,
    );
    const dialog = screen.getByRole('alertdialog', { name: 'هل ما زلت هنا؟' });
    expect([dialog.lang, dialog.dir]).toEqual(['ar', 'rtl']);
    expect(dialog.textContent).toContain('ثانيتين');
    expect(uiStrings('ar').stillThereBody(7)).toContain('7 ثوانٍ');
    expect(uiStrings('ar').stillThereBody(20)).toContain('20 ثانية');
  });

  it('keep English direction where a language has no labels of its own', () => {
    // Persian has no UI strings: the English fallback must not read "?Are you still there".
    render(
      <LazyMotion features={domMin} strict>
        <IdleDialog secondsLeft={5} strings={uiStrings('fa')} reducedMotion onContinue={vi.fn()} />
        <AccessibilityMenu prefs={DEFAULT_PREFS} strings={uiStrings('fa')} onChange={vi.fn()} />
      </LazyMotion>,
    );
    const dialog = screen.getByRole('alertdialog', { name: 'Are you still there?' });
    expect([dialog.lang, dialog.dir]).toEqual(['en', 'ltr']);
    const label = screen.getByText('Accessibility');
    expect([label.lang, label.dir]).toEqual(['en', 'ltr']);
  });
});
