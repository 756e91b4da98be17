// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, renderHook, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfirmDialog } from './ConfirmDialog';
import { errorMessage } from './error-message';
import { Alert } from './ErrorAlert';
import { useHash } from '../../useHash';

beforeAll(() => {
  // jsdom has no modal dialogs; Chromium's own are exercised by the admin e2e.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.open = false;
  };
});
afterEach(cleanup);

describe('errorMessage', () => {
  it('says an Error by its message and anything else as text', () => {
    expect(errorMessage(new Error('The kiosk could not be reached.'))).toBe(
      'The kiosk could not be reached.',
    );
    expect(errorMessage('plain text')).toBe('plain text');
    expect(errorMessage(42)).toBe('42');
  });
});

describe('useHash', () => {
  it('follows hash changes', () => {
    window.location.hash = '#/admin/media';
    const { result } = renderHook(() => useHash());
    expect(result.current).toBe('#/admin/media');
    act(() => {
      window.location.hash = '#/admin/playlists/intro';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(result.current).toBe('#/admin/playlists/intro');
  });
});

describe('ConfirmDialog', () => {
  it('is a dialog named by its title, described by its message, with Cancel and confirm', () => {
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    render(
      <ConfirmDialog
        title="Delete photo.png?"
        message={<p>This cannot be undone.</p>}
        confirm="Delete"
        danger
        onConfirm={onConfirm}
        onCancel={onCancel}
      />,
    );
    const dialog = screen.getByRole('dialog', { name: 'Delete photo.png?' });
    expect(dialog).toHaveProperty('open', true);
    expect(dialog.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(dialog.getAttribute('aria-describedby')!)?.textContent).toBe(
      'This cannot be undone.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    // Escape: the browser fires `cancel` on the dialog.
    fireEvent(dialog, new Event('cancel', { cancelable: true }));
    expect(onCancel).toHaveBeenCalledTimes(2);
  });

  it('does not confirm while confirming is not allowed', () => {
    const onConfirm = vi.fn();
    render(
      <ConfirmDialog
        title="Create playlist"
        confirm="Create"
        canConfirm={false}
        onConfirm={onConfirm}
        onCancel={() => undefined}
      >
        <input aria-label="Name" />
      </ConfirmDialog>,
    );
    const create = screen.getByRole('button', { name: 'Create' });
    expect(create).toHaveProperty('disabled', true);
    fireEvent.submit(create.closest('form')!);
    expect(onConfirm).not.toHaveBeenCalled();
  });
});

describe('Alert', () => {
  it('says its message, one item a line and its note in one alert', () => {
    render(<Alert message="Not saved." items={['Duration: too long']} note="Nothing lost." />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('Not saved.Duration: too longNothing lost.');
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
  });
});
