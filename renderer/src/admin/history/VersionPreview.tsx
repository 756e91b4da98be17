/**
 * One kept version, drawn by the player's own slide component (the preview the slide editor
 * uses): staff pick a playlist and a slide of that version to see it as the player would.
 */
import { useId, useState } from 'react';
import type { HistoryVersion } from '#core/history';
import { SlidePreview } from '../playlists/SlidePreview';
import { slideLabel } from '../playlists/slide-label';
import { Field } from '../ui/fields';

interface VersionPreviewProps {
  version: HistoryVersion;
  /** The version's time as the list shows it. */
  when: string;
  onClose(): void;
}

/** A preview of a kept version, slide by slide. */
export function VersionPreview({ version, when, onClose }: VersionPreviewProps) {
  const id = useId();
  const { content, settings } = version;
  const [playlistId, setPlaylistId] = useState(content.defaultPlaylistId);
  const playlist =
    content.playlists.find((list) => list.id === playlistId) ?? content.playlists[0]!;
  const [slideId, setSlideId] = useState(playlist.slides[0]?.id);
  const slide = playlist.slides.find((s) => s.id === slideId) ?? playlist.slides[0];
  const lang = settings.defaultLanguage;

  return (
    <section className="admin-card history-preview" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Version of {when}</h3>
      <div className="pl-preview__controls">
        <Field id={`${id}-playlist`} label="Playlist">
          <select
            id={`${id}-playlist`}
            value={playlist.id}
            onChange={(event) => {
              setPlaylistId(event.target.value);
              setSlideId(undefined);
            }}
          >
            {content.playlists.map((list) => (
              <option key={list.id} value={list.id}>
                {list.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${id}-slide`} label="Slide">
          <select
            id={`${id}-slide`}
            value={slide?.id ?? ''}
            onChange={(event) => setSlideId(event.target.value)}
          >
            {playlist.slides.map((s, index) => (
              <option key={s.id} value={s.id}>
                {index + 1}. {slideLabel(s, lang)}
              </option>
            ))}
          </select>
        </Field>
        <button type="button" className="admin-button" onClick={onClose}>
          Close preview
        </button>
      </div>
      {slide ? (
        <SlidePreview
          key={`${version.id}-${slide.id}`}
          slide={slide}
          languages={settings.enabledLanguages}
          defaultLang={lang}
        />
      ) : (
        <p>This playlist had no slides.</p>
      )}
    </section>
  );
}
