/**
 * The emergency message: a full-screen notice over everything, which visitors cannot dismiss.
 *
 * It shows the message in the visitor's language (the page's `lang`, which the player sets),
 * else in the default language, and offers the language buttons so anyone can read it. While it
 * shows, the player behind it is inert.
 */
import { AnimatePresence, m } from 'framer-motion';
import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import type { Alert } from '#core/alert';
import type { KioskApi } from '#core/contract';
import { langAttributes, pickText } from '#core/i18n';
import type { Settings } from '#core/schema';
import { noticeStrings } from '../i18n/notice-strings';
import { uiStrings } from '../i18n/strings';
import { MotionScope } from '../motion/MotionScope';
import { enterFrom, overlayTransition } from '../motion/transitions';
import { LanguageSwitcher } from './LanguageSwitcher';
import { useStaffEntry } from './useStaffEntry';
import { useAlert } from './useAlert';
import './notices.css';

interface EmergencyOverlayProps {
  api: KioskApi;
  settings: Settings;
}

/** Polls the host for a message and covers the player while one is active. */
export function EmergencyOverlay({ api, settings }: EmergencyOverlayProps) {
  const alert = useAlert(api);
  return (
    <MotionScope>
      <AnimatePresence>
        {alert && <EmergencyNotice key="emergency" alert={alert} settings={settings} />}
      </AnimatePresence>
    </MotionScope>
  );
}

function EmergencyNotice({ alert, settings }: { alert: Alert; settings: Settings }) {
  const titleId = useId();
  const bodyId = useId();
  const root = useRef<HTMLElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const pageLang = usePageLang(settings.defaultLanguage);
  // A language chosen here holds until the player's own language changes (e.g. an idle reset).
  const [chosen, setChosen] = useState<{ lang: string; over: string } | undefined>();
  const wanted = chosen && chosen.over === pageLang ? chosen.lang : pageLang;
  const lang = settings.enabledLanguages.includes(wanted) ? wanted : settings.defaultLanguage;
  const words = noticeStrings(lang);
  const message = pickText(alert.text, lang, settings.defaultLanguage);

  useInertSiblings(root);
  // Staff must still reach the admin at the kiosk to clear it: the player's corner is inert now.
  const staffCorner = useStaffEntry();
  useEffect(() => dialog.current?.focus(), []);

  return (
    <m.section
      ref={root}
      className="emergency"
      aria-labelledby={titleId}
      // The notice reads in the language shown, whatever the page behind it.
      {...langAttributes(lang)}
      initial={enterFrom({ opacity: 0 })}
      animate={{ opacity: 1 }}
      exit={{ opacity: 0 }}
      transition={overlayTransition}
    >
      <div className="staff-corner" aria-hidden="true" {...staffCorner} />
      <div
        ref={dialog}
        className="emergency__dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        tabIndex={-1}
      >
        <div className="emergency__bar" aria-hidden="true" />
        <h2 id={titleId} className="emergency__title" {...langAttributes(words.lang)}>
          {words.emergencyTitle}
        </h2>
        <p id={bodyId} className="emergency__text" {...langAttributes(message.lang)}>
          {message.text}
        </p>
        <LanguageSwitcher
          languages={settings.enabledLanguages}
          current={lang}
          label={uiStrings(lang).language}
          onChoose={(next) => setChosen({ lang: next, over: pageLang })}
        />
      </div>
    </m.section>
  );
}

/** The page's `<html lang>`, followed as the player changes it. */
function usePageLang(fallback: string): string {
  const read = () => document.documentElement.lang || fallback;
  const [lang, setLang] = useState(read);
  useEffect(() => {
    const observer = new MutationObserver(() => setLang(document.documentElement.lang || fallback));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    return () => observer.disconnect();
  }, [fallback]);
  return lang;
}

/** Make everything beside `element` inert (no focus, no clicks, hidden from assistive tech). */
function useInertSiblings(element: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const self = element.current;
    const parent = self?.parentElement;
    if (!self || !parent) return;
    const made = new Set<Element>();
    const apply = () => {
      for (const child of Array.from(parent.children)) {
        if (child === self || child.hasAttribute('inert')) continue;
        child.setAttribute('inert', '');
        made.add(child);
      }
    };
    apply();
    // The player may re-render its root while the message shows.
    const observer = new MutationObserver(apply);
    observer.observe(parent, { childList: true });
    return () => {
      observer.disconnect();
      for (const child of made) child.removeAttribute('inert');
    };
  }, [element]);
}
export default EmergencyOverlay;
