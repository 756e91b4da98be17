/**
 * "Take it with you": a slide's link as a QR code, with a caption in the visitor's language.
 */
import { lazy, Suspense } from 'react';
import { langAttributes } from '#core/i18n';
import { uiStrings } from '../../i18n/strings';
import './qr.css';

// The generator loads on demand; its box keeps its place meanwhile, so nothing moves.
const loadQrCode = () => import('./QrCode');
const QrCode = lazy(loadQrCode);

/** Start loading the generator early (while the first slide shows), so codes appear at once. */
export function preloadQrCode(): void {
  void loadQrCode();
}

/**
 * The code, sized to scan from a metre away, and what it is for.
 *
 * `place` says where it shows on a theme slide with artwork: on the artwork on landscape
 * screens (`art`), in the text on portrait ones (`text`); `always` shows it wherever it is.
 */
export function SlideQr({
  link,
  lang,
  place = 'always',
}: {
  link: string;
  lang: string;
  place?: 'art' | 'text' | 'always';
}) {
  const strings = uiStrings(lang);
  return (
    <figure className={`slide-qr slide-qr--${place}`}>
      <div className="slide-qr__code">
        <Suspense fallback={null}>
          <QrCode text={link} />
        </Suspense>
      </div>
      <figcaption className="slide-qr__caption" {...langAttributes(strings.lang)}>
        {strings.scanToTakeAway}
      </figcaption>
    </figure>
  );
}
