/**
 * The calm screen shown when no slide can play (every picture or video is missing): the brand
 * and a short note in the visitor's language, never a black screen.
 */
import { langAttributes } from '#core/i18n';
import { noticeStrings } from '../i18n/notice-strings';
import { uiStrings } from '../i18n/strings';
import './notices.css';

/** A branded "back shortly" screen. */
export function FallbackScreen({ lang }: { lang: string }) {
  const words = noticeStrings(lang);
  return (
    <main className="fallback" {...langAttributes(words.lang)} data-testid="fallback">
      <div className="splash__flag" aria-hidden="true">
        <span />
        <span />
        <span />
      </div>
      <h1>{uiStrings(words.lang).carousel}</h1>
      <p>{words.fallbackBody}</p>
    </main>
  );
}
export default FallbackScreen;
