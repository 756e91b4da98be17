/**
 * The admin's data: what is saved, and saving it with the revision it was based on.
 */
import { useCallback, useState } from 'react';
import type { AdminState, KioskApi } from '#core/contract';
import type { KioskFailure } from '#core/errors';
import type { ContentFile, Settings } from '#core/schema';
import { isPinError } from './access/ConfirmPinDialog';
import { toFailure } from './ui/error-message';
import { useLoad } from './ui/useLoad';

/** A failed save or load, as staff see it: the host's failure itself. */
export type AdminFailure = KioskFailure;

/** The admin's view of saved data and the ways to change it. */
export interface AdminData {
  state: AdminState | undefined;
  failure: AdminFailure | undefined;
  /** Whether a save is under way. */
  saving: boolean;
  reload(): Promise<void>;
  /** Show the state a call returned (a save, a restore) instead of asking for it again. */
  adopt(state: AdminState): void;
  /** Save playlists; resolves true when saved, false when refused (the failure says why). */
  saveContent(content: ContentFile): Promise<boolean>;
  /**
   * Save settings; `pin` when they change what needs it again. A refusal about the PIN itself is
   * thrown (for the PIN dialog to show), any other is kept as `failure`.
   */
  saveSettings(settings: Settings, pin?: string): Promise<boolean>;
  clearFailure(): void;
}

/** Load the admin state and offer saves that never overwrite someone else's changes. */
export function useAdminData(api: KioskApi): AdminData {
  const loaded = useLoad(() => api.invoke('admin:get', undefined), [api]);
  const { value: state, setValue: setState, error: failure, setError: setFailure, reload } = loaded;
  const [saving, setSaving] = useState(false);

  const save = useCallback(
    async (run: (baseRevision: string) => Promise<AdminState>) => {
      if (!state) return false;
      setSaving(true);
      try {
        // The save replies with the state after it: no second round trip to read it back.
        setState(await run(state.revision));
        setFailure(undefined);
        return true;
      } catch (error) {
        if (isPinError(error)) throw error;
        setFailure(toFailure(error));
        return false;
      } finally {
        setSaving(false);
      }
    },
    [state, setState, setFailure],
  );

  return {
    state,
    failure,
    saving,
    reload,
    adopt: setState,
    saveContent: (content) =>
      save((baseRevision) => api.invoke('content:save', { baseRevision, content })),
    saveSettings: (settings, pin) =>
      save((baseRevision) =>
        api.invoke('settings:save', { baseRevision, settings, ...(pin ? { pin } : {}) }),
      ),
    clearFailure: () => setFailure(undefined),
  };
}
