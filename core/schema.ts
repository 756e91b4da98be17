/**
 * Content schemas: slides, playlists, settings and the content file on disk.
 *
 * Every file the host reads and every payload that crosses a boundary is parsed with these
 * schemas, so a bad value gets an error naming its JSON path instead of a crash.
 */
// zod/mini: the same validation in a tree-shakable form, so the player's bundle stays small.
import * as z from 'zod/mini';
import { BACKDROPS, FIT_MODES, FOCUS_MAX, FOCUS_MIN } from './framing.js';
import {
  between,
  CONTENT_SCHEMA_VERSION,
  Id,
  ImageAsset,
  LanguageCode,
  LocalizedText,
  MediaRef,
  Schedule,
} from './schema-common.js';
import {
  MAX_LINK_LENGTH,
  MAX_PLAYLIST_NAME_LENGTH,
  MAX_SLIDES_PER_PLAYLIST,
  MAX_WEB_URL_LENGTH,
  SLIDE_DURATION_MS,
} from './limits.js';
import { originOf } from './web-page.js';

// Shared parts and the settings live in their own files; every schema is imported from here.
export * from './schema-common.js';
export * from './settings-schema.js';

/** How a slide enters and leaves the screen. */
export const TransitionStyle = z.enum(['slide', 'fade']);
export type TransitionStyle = z.infer<typeof TransitionStyle>;

export { MAX_LINK_LENGTH };

/** A web page a visitor can take with them (shown as a QR code): http:// or https:// only. */
export const SlideLink = z.string().check(
  z.maxLength(MAX_LINK_LENGTH, `must be at most ${MAX_LINK_LENGTH} characters`),
  z.url({
    protocol: /^https?$/,
    error: 'must be a web address starting with http:// or https://, such as https://example.org',
  }),
);

const slideBase = {
  id: Id,
  enabled: z._default(z.boolean(), true),
  /** How long the slide stays on screen during automatic rotation, in milliseconds. */
  durationMs: z._default(z.int().check(...between(SLIDE_DURATION_MS)), 12_000),
  transition: z.optional(TransitionStyle),
  title: LocalizedText,
  schedule: z.optional(Schedule),
  /** A web page about the slide; the player shows it as a QR code. */
  link: z.optional(SlideLink),
};

/** A theme slide: title, lead line, paragraphs and optional artwork. */
export const ThemeSlide = z.object({
  ...slideBase,
  kind: z.literal('theme'),
  lead: z.optional(LocalizedText),
  /** Paragraphs separated by a blank line. */
  body: LocalizedText,
  image: z.optional(ImageAsset),
});

/** A focal point coordinate, in percent of the picture's width or height. */
const FocusPercent = z._default(
  z.number().check(...between({ min: FOCUS_MIN, max: FOCUS_MAX, unit: 'percent' })),
  50,
);

/**
 * How a full-screen picture or video meets a screen of another shape (rule in core/framing.ts).
 *
 * Optional on a slide, and every field has a default, so content written before it stays valid
 * (no migration): `auto` fills when the shapes are close and shows the whole picture otherwise.
 */
export const Framing = z.object({
  /** `fill` crops to fill the screen, `fit` shows the whole picture, `auto` decides by shape. */
  fit: z._default(z.enum(FIT_MODES), 'auto'),
  /** Behind a whole picture: a blurred copy of it, or the plain background. */
  backdrop: z._default(z.enum(BACKDROPS), 'blur'),
  /** The point kept in view when the picture fills the screen (percent from left and top). */
  focusX: FocusPercent,
  focusY: FocusPercent,
});
export type Framing = z.infer<typeof Framing>;

/** A full-screen picture with an optional caption. */
export const ImageSlide = z.object({
  ...slideBase,
  kind: z.literal('image'),
  image: ImageAsset,
  caption: z.optional(LocalizedText),
  framing: z.optional(Framing),
});

/** A full-screen video; plays muted unless staff turn sound on. */
export const VideoSlide = z.object({
  ...slideBase,
  kind: z.literal('video'),
  video: z.object({
    src: MediaRef,
    poster: z.optional(MediaRef),
    muted: z._default(z.boolean(), true),
    loop: z._default(z.boolean(), false),
    captions: z.optional(z.record(LanguageCode, MediaRef)),
  }),
  description: z.optional(LocalizedText),
  framing: z.optional(Framing),
});

/** An http(s) web page address (its origin must also be on the settings' allowlist). */
export const WebUrl = z.string().check(
  z.maxLength(MAX_WEB_URL_LENGTH),
  z.refine((url) => originOf(url) !== undefined, {
    message: 'must be an http:// or https:// address that names a host',
  }),
);

/** A web page in a sandboxed frame, from a site on the settings' allowlist (core/web-page.ts). */
export const WebSlide = z.object({
  ...slideBase,
  kind: z.literal('web'),
  web: z.object({ url: WebUrl }),
});

/** Any slide, told apart by `kind`. */
export const Slide = z.discriminatedUnion('kind', [ThemeSlide, ImageSlide, VideoSlide, WebSlide]);
export type Slide = z.infer<typeof Slide>;
export type ThemeSlide = z.infer<typeof ThemeSlide>;
export type ImageSlide = z.infer<typeof ImageSlide>;
export type VideoSlide = z.infer<typeof VideoSlide>;
export type WebSlide = z.infer<typeof WebSlide>;

/** Review state of a language's texts: written by the source, translated by us, or checked by staff. */
export const TranslationStatus = z.enum(['source', 'needs-review', 'reviewed']);
export type TranslationStatus = z.infer<typeof TranslationStatus>;

/** An ordered list of slides that the player loops through. */
export const Playlist = z
  .object({
    id: Id,
    name: z.string().check(z.minLength(1), z.maxLength(MAX_PLAYLIST_NAME_LENGTH)),
    slides: z
      .array(Slide)
      .check(
        z.minLength(1, 'a playlist needs at least one slide'),
        z.maxLength(MAX_SLIDES_PER_PLAYLIST),
      ),
    translations: z._default(z.record(LanguageCode, TranslationStatus), {}),
    schedule: z.optional(Schedule),
  })
  .check(
    z.superRefine((playlist, ctx) => {
      const seen = new Set<string>();
      playlist.slides.forEach((slide, index) => {
        if (seen.has(slide.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['slides', index, 'id'],
            message: `duplicate slide id "${slide.id}"`,
          });
        }
        seen.add(slide.id);
      });
    }),
  );
export type Playlist = z.infer<typeof Playlist>;

/** The content file: every playlist, and the one that plays when no scheduled one is on. */
export const ContentFile = z
  .object({
    schemaVersion: z.literal(CONTENT_SCHEMA_VERSION),
    defaultPlaylistId: Id,
    playlists: z.array(Playlist).check(z.minLength(1)),
  })
  .check(
    z.superRefine((content, ctx) => {
      if (!content.playlists.some((p) => p.id === content.defaultPlaylistId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['defaultPlaylistId'],
          message: `no playlist has the id "${content.defaultPlaylistId}"`,
        });
      }
    }),
  );
export type ContentFile = z.infer<typeof ContentFile>;
