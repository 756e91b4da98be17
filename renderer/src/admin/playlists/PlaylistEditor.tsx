/**
 * One playlist: its name and schedule, its slides (add, reorder, delete) and the slide form.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { MediaItem } from '#core/contract';
import { scheduleWarnings } from '#core/schedule-warnings';
import type { ContentFile, Playlist, Settings, Slide } from '#core/schema';
import { FieldScope } from '../FieldProblems';
import { ScheduleEditor } from '../schedule/ScheduleEditor';
import { AddSlideDialog } from './AddSlideDialog';
import { createSlide, move, type NewSlide, type SlideKind } from './content-edit';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { mediaChoices } from './MediaPicker';
import { SlideEditor } from './SlideEditor';
import { SlideList } from './SlideList';
import { slideLabel } from './slide-label';

interface PlaylistEditorProps {
  playlist: Playlist;
  content: ContentFile;
  settings: Settings;
  media: readonly MediaItem[];
  kioskTimeZone: string;
  onChange(playlist: Playlist): void;
  /** Change the playlist as it is at that moment (for edits that come faster than renders). */
  onUpdate(edit: (playlist: Playlist) => Playlist): void;
  onRename(): void;
  onBack(): void;
}

/** The editor of one playlist. */
export function PlaylistEditor(props: PlaylistEditorProps) {
  const { playlist, content, settings, media, onChange } = props;
  const [chosenId, setSelectedId] = useState<string | undefined>(playlist.slides[0]?.id);
  const [adding, setAdding] = useState<SlideKind | undefined>();
  const [deleting, setDeleting] = useState<Slide | undefined>();
  const heading = useRef<HTMLHeadingElement>(null);
  const languages = settings.enabledLanguages;
  const defaultLang = settings.defaultLanguage;
  const selected =
    playlist.slides.find((slide) => slide.id === chosenId) ?? playlist.slides[0] ?? undefined;

  // Zone offsets for overlaps across zones: the moment the editor opened is close enough.
  const [openedAt] = useState(() => Date.now());
  const warnings = useMemo(
    () =>
      scheduleWarnings(content, props.kioskTimeZone, openedAt)
        .filter((warning) => warning.playlistIds.includes(playlist.id))
        .map((warning) => warning.message),
    [content, props.kioskTimeZone, playlist.id, openedAt],
  );

  // The button that opened the editor is gone: start reading at the editor's heading.
  useEffect(() => heading.current?.focus(), []);

  const setSlides = (slides: Slide[]) => onChange({ ...playlist, slides });
  const replace = (slide: Slide) =>
    setSlides(playlist.slides.map((s) => (s.id === selected?.id ? slide : s)));
  const add = (spec: NewSlide) => {
    const slide = createSlide(
      spec,
      playlist.slides.map((s) => s.id),
    );
    const at = selected ? playlist.slides.indexOf(selected) + 1 : playlist.slides.length;
    setSlides([...playlist.slides.slice(0, at), slide, ...playlist.slides.slice(at)]);
    setSelectedId(slide.id);
    setAdding(undefined);
  };

  return (
    <FieldScope scope={playlist.id}>
      <div className="pl-editor">
        <div className="pl-editor__head">
          <button type="button" className="admin-button" onClick={props.onBack}>
            <span aria-hidden="true">←</span> All playlists
          </button>
          <h3 className="pl-editor__title" ref={heading} tabIndex={-1}>
            Editing: <span>{playlist.name}</span>
          </h3>
          <button type="button" className="admin-button" onClick={props.onRename}>
            Rename<span className="visually-hidden"> {playlist.name}</span>
          </button>
        </div>
        {playlist.id === content.defaultPlaylistId && (
          <p className="admin-note">
            This is the default playlist: it plays when nothing is scheduled.
          </p>
        )}
        <div className="admin-card pl-editor__schedule">
          <ScheduleEditor
            legend="When this playlist plays"
            schedule={playlist.schedule}
            kioskTimeZone={props.kioskTimeZone}
            warnings={warnings}
            onChange={(schedule) => {
              const { schedule: _old, ...rest } = playlist;
              onChange(schedule ? { ...rest, schedule } : rest);
            }}
          />
        </div>
        <div className="pl-editor__body">
          <div className="pl-editor__slides">
            <h3>Slides</h3>
            <SlideList
              slides={playlist.slides}
              selectedId={selected?.id}
              languages={languages}
              defaultLang={defaultLang}
              onSelect={setSelectedId}
              onMove={(id, to) =>
                props.onUpdate((current) => ({
                  ...current,
                  slides: move(
                    current.slides,
                    current.slides.findIndex((s) => s.id === id),
                    to,
                  ),
                }))
              }
            />
            <div className="pl-editor__add">
              <button type="button" className="admin-button" onClick={() => setAdding('theme')}>
                Add text slide
              </button>
              <button type="button" className="admin-button" onClick={() => setAdding('image')}>
                Add picture slide
              </button>
              <button type="button" className="admin-button" onClick={() => setAdding('video')}>
                Add video slide
              </button>
              <button type="button" className="admin-button" onClick={() => setAdding('web')}>
                Add web page slide
              </button>
            </div>
          </div>
          {selected && (
            <FieldScope scope={selected.id}>
              <SlideEditor
                key={selected.id}
                slide={selected}
                content={content}
                media={media}
                languages={languages}
                defaultLang={defaultLang}
                kioskTimeZone={props.kioskTimeZone}
                only={playlist.slides.length === 1}
                onChange={replace}
                onDelete={() => setDeleting(selected)}
              />
            </FieldScope>
          )}
        </div>
        {adding && (
          <AddSlideDialog
            kind={adding}
            lang={defaultLang}
            choices={mediaChoices(adding === 'video' ? 'video' : 'image', media, content)}
            allowlist={settings.webPages}
            onAdd={add}
            onClose={() => setAdding(undefined)}
          />
        )}
        {deleting && (
          <ConfirmDialog
            title={`Delete the slide "${slideLabel(deleting, defaultLang)}"?`}
            confirm="Delete slide"
            danger
            onConfirm={() => {
              setSlides(playlist.slides.filter((s) => s.id !== deleting.id));
              setDeleting(undefined);
            }}
            onCancel={() => setDeleting(undefined)}
            message={
              <p>It is removed from this playlist when you save. Its pictures stay in Media.</p>
            }
          />
        )}
      </div>
    </FieldScope>
  );
}
