/**
 * Message templates kept on the kiosk: use one to fill the form, save the form as one, delete one.
 */
import { useEffect, useId, useState } from 'react';
import type { AlertTemplates as Templates, AlertText } from '#core/alert';
import type { KioskApi } from '#core/contract';
import { ALERT_TEMPLATE_NAME_MAX } from '#core/limits';
import type { AdminFailure } from '../useAdminData';
import { toFailure } from '../ui/error-message';
import { Field } from '../ui/fields';
import { useLoad } from '../ui/useLoad';

interface AlertTemplatesProps {
  api: KioskApi;
  /** The texts in the form now, saved as a template. */
  texts: AlertText;
  onUse(text: AlertText): void;
  onFailure(failure: AdminFailure): void;
}

/** The templates list and the "Save as template" field. */
export function AlertTemplates({ api, texts, onUse, onFailure }: AlertTemplatesProps) {
  const titleId = useId();
  const nameId = useId();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');

  const loaded = useLoad(() => api.invoke('alert:templates', undefined), [api]);
  const templates = loaded.value ?? [];
  // The panel shows failures, the ones of loading the templates too.
  useEffect(() => {
    if (loaded.error) onFailure(loaded.error);
  }, [loaded.error, onFailure]);

  const change = async (action: () => Promise<Templates>, message: string) => {
    setBusy(true);
    setDone('');
    try {
      loaded.setValue(await action());
      setDone(message);
      return true;
    } catch (error) {
      onFailure(toFailure(error));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const save = async () => {
    const trimmed = name.trim();
    const saved = await change(
      () => api.invoke('alert:save-template', { name: trimmed, text: texts }),
      `Template "${trimmed}" saved.`,
    );
    if (saved) setName('');
  };

  return (
    <div
      className="admin-fieldset admin-emergency__templates"
      role="group"
      aria-labelledby={titleId}
    >
      <h3 id={titleId}>Templates</h3>
      {templates.length === 0 ? (
        <p className="admin-note">No templates yet: write a message, then save it as a template.</p>
      ) : (
        <ul className="admin-emergency__template-list">
          {templates.map((template) => (
            <li key={template.name}>
              <span>{template.name}</span>
              <button
                type="button"
                className="admin-button"
                aria-label={`Use ${template.name}`}
                onClick={() => {
                  onUse(template.text);
                  setDone(`Template "${template.name}" is in the form.`);
                }}
              >
                Use
              </button>
              <button
                type="button"
                className="admin-button admin-button--danger"
                aria-label={`Delete ${template.name}`}
                disabled={busy}
                onClick={() =>
                  void change(
                    () => api.invoke('alert:delete-template', { name: template.name }),
                    `Template "${template.name}" deleted.`,
                  )
                }
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="admin-emergency__save-template">
        <Field id={nameId} label="Template name">
          <input
            id={nameId}
            type="text"
            value={name}
            maxLength={ALERT_TEMPLATE_NAME_MAX}
            onChange={(event) => setName(event.target.value)}
          />
        </Field>
        <button
          type="button"
          className="admin-button"
          disabled={busy || name.trim() === ''}
          onClick={() => void save()}
        >
          Save as template
        </button>
      </div>
      <p role="status" className="admin-status">
        {done}
      </p>
    </div>
  );
}
