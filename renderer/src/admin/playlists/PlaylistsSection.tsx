/**
 * The Playlists section: every playlist, and the editor of the one that is open.
 */
import '../playlists.css';
import { useState } from 'react';
import type { Playlist } from '#core/schema';
import { FieldProblemsProvider } from '../FieldProblems';
import type { SaveNotice } from '../save-state';
import type { SectionProps } from '../section';
import { createPlaylist, duplicatePlaylist } from './content-edit';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { describeEdits } from './edit-summary';
import { KeptEdit } from './KeptEdit';
import { NameDialog } from './NameDialog';
import { PlaylistEditor } from './PlaylistEditor';
import { PlaylistList } from './PlaylistList';
import { SaveBar } from './SaveBar';
import { useContentDraft } from './useContentDraft';
import { usePlaylistRoute } from './usePlaylistRoute';
import { kioskZone } from '../locale';

type Asking =
  | { kind: 'create' }
  | { kind: 'rename'; playlist: Playlist }
  | { kind: 'delete'; playlist: Playlist };

/** Playlists: list, create, duplicate, rename, delete, make default, and edit. */
export function PlaylistsSection({ data }: SectionProps) {
  const state = data.state;
  return (
    <section className="pl-section" aria-labelledby="pl-heading">
      <h2 id="pl-heading">Playlists</h2>
      {state ? (
        <Playlists data={data} state={state} />
      ) : (
        <p className="admin-note" aria-busy="true">
          Loading playlists…
        </p>
      )}
    </section>
  );
}

function Playlists({
  data,
  state,
}: Pick<SectionProps, 'data'> & { state: NonNullable<SectionProps['data']['state']> }) {
  const settings = state.settings;
  const draft = useContentDraft(data, state.content, settings.defaultLanguage);
  const [openId, open] = usePlaylistRoute();
  const [asking, setAsking] = useState<Asking | undefined>();
  const [notice, setNotice] = useState<SaveNotice | undefined>();
  // After a conflict: a read-only copy of the staff's edit, kept while they see the other version.
  const [kept, setKept] = useState<string[] | undefined>();
  const [returnTo, setReturnTo] = useState<string | undefined>();
  const { content, update } = draft;
  const edited = (text: string) => setNotice({ text, state: 'unsaved' });
  const kioskTimeZone = kioskZone(settings.timeZone);
  const openPlaylist = content.playlists.find((p) => p.id === openId);

  const replacePlaylist = (id: string, playlist: Playlist) =>
    update((c) => ({ ...c, playlists: c.playlists.map((p) => (p.id === id ? playlist : p)) }));

  const create = (name: string) => {
    const playlist = createPlaylist(name, settings.defaultLanguage, content);
    update((c) => ({ ...c, playlists: [...c.playlists, playlist] }));
    setAsking(undefined);
    edited(`Created “${name}”.`);
    open(playlist.id);
  };
  const duplicate = (original: Playlist) => {
    const copy = duplicatePlaylist(original, content);
    update((c) => {
      const at = c.playlists.findIndex((p) => p.id === original.id) + 1;
      return { ...c, playlists: [...c.playlists.slice(0, at), copy, ...c.playlists.slice(at)] };
    });
    edited(`Made “${copy.name}”.`);
  };
  const rename = (playlist: Playlist, name: string) => {
    replacePlaylist(playlist.id, { ...playlist, name });
    setAsking(undefined);
    edited(`Renamed to “${name}”.`);
  };
  const remove = (playlist: Playlist) => {
    update((c) => ({ ...c, playlists: c.playlists.filter((p) => p.id !== playlist.id) }));
    setAsking(undefined);
    edited(`Deleted “${playlist.name}”.`);
    if (openId === playlist.id) open(undefined);
  };
  const makeDefault = (playlist: Playlist) => {
    update((c) => ({ ...c, defaultPlaylistId: playlist.id }));
    edited(`“${playlist.name}” is now the default.`);
  };
  const save = async () => {
    setNotice(undefined);
    if (await draft.save()) setNotice({ text: 'The kiosk plays the new version.', state: 'saved' });
  };

  return (
    <FieldProblemsProvider problems={draft.problems}>
      <SaveBar
        dirty={draft.dirty}
        saving={data.saving}
        notice={notice}
        problems={draft.problems}
        // The shell leaves the Playlists section to show refused saves beside its Save button.
        failure={data.failure}
        onSave={() => void save()}
        onDiscard={() => {
          draft.discard();
          setNotice({ text: 'Changes discarded.', state: 'saved' });
        }}
        onDismiss={draft.dismiss}
        onLoadTheirs={() => {
          setKept(describeEdits(state.content, content, settings.defaultLanguage));
          draft.discard();
          setNotice(undefined);
        }}
      />
      {kept && <KeptEdit lines={kept} onClose={() => setKept(undefined)} />}
      {openPlaylist ? (
        <PlaylistEditor
          key={openPlaylist.id}
          playlist={openPlaylist}
          content={content}
          settings={settings}
          media={state.media}
          kioskTimeZone={kioskTimeZone}
          onChange={(playlist) => replacePlaylist(openPlaylist.id, playlist)}
          onUpdate={(edit) =>
            update((c) => ({
              ...c,
              playlists: c.playlists.map((p) => (p.id === openPlaylist.id ? edit(p) : p)),
            }))
          }
          onRename={() => setAsking({ kind: 'rename', playlist: openPlaylist })}
          onBack={() => {
            setReturnTo(openPlaylist.id);
            open(undefined);
          }}
        />
      ) : (
        <PlaylistList
          content={content}
          returnTo={returnTo}
          onEdit={open}
          onCreate={() => setAsking({ kind: 'create' })}
          onDuplicate={duplicate}
          onRename={(playlist) => setAsking({ kind: 'rename', playlist })}
          onDelete={(playlist) => setAsking({ kind: 'delete', playlist })}
          onMakeDefault={makeDefault}
        />
      )}
      {asking?.kind === 'create' && (
        <NameDialog
          title="Create playlist"
          confirm="Create"
          onConfirm={create}
          onClose={() => setAsking(undefined)}
        />
      )}
      {asking?.kind === 'rename' && (
        <NameDialog
          title={`Rename “${asking.playlist.name}”`}
          confirm="Rename"
          initial={asking.playlist.name}
          onConfirm={(name) => rename(asking.playlist, name)}
          onClose={() => setAsking(undefined)}
        />
      )}
      {asking?.kind === 'delete' && (
        <ConfirmDialog
          title={`Delete “${asking.playlist.name}”?`}
          confirm="Delete playlist"
          danger
          onConfirm={() => remove(asking.playlist)}
          onCancel={() => setAsking(undefined)}
          message={
            <p>
              Its {asking.playlist.slides.length} slides and its schedule go with it when you save.
              Pictures and videos stay in Media.
            </p>
          }
        />
      )}
    </FieldProblemsProvider>
  );
}
