// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FieldProblemsProvider } from '../FieldProblems';
import { Check, Field, fieldDescribedBy, ProblemField } from './fields';

afterEach(cleanup);

/** The texts of the elements an element's `aria-describedby` names, in order. */
function description(element: HTMLElement): string[] {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? `missing #${id}`);
}

describe('Field', () => {
  it('labels its control and shows its hint, then its error, both describing the control', () => {
    render(
      <Field id="url" label="Web page address" hint="An https address." error="Not allowed.">
        <input id="url" aria-describedby={fieldDescribedBy('url', true, 'Not allowed.')} />
      </Field>,
    );
    const input = screen.getByRole('textbox', { name: 'Web page address' });
    expect(description(input)).toEqual(['Not allowed.', 'An https address.']);
    const texts = [...input.parentElement!.querySelectorAll('p')].map((p) => p.textContent);
    expect(texts).toEqual(['An https address.', 'Not allowed.']);
    // Only an error that appears while staff type is announced at once.
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('announces a live error, and puts a note beside its label', () => {
    render(
      <Field
        id="lang"
        label="Add language"
        aside={<span>Not translated</span>}
        error="Not a tag."
        errorRole="alert"
      >
        <input id="lang" />
      </Field>,
    );
    expect(screen.getByRole('alert').textContent).toBe('Not a tag.');
    const label = screen.getByText('Add language');
    expect(label.parentElement?.textContent).toBe('Add languageNot translated');
  });
});

describe('fieldDescribedBy', () => {
  it('names the error, the hint and other notes, leaving out those not shown', () => {
    expect(fieldDescribedBy('a', undefined, undefined)).toBeUndefined();
    expect(fieldDescribedBy('a', 'hint', 'error', 'shared', false)).toBe('a-error a-hint shared');
    expect(fieldDescribedBy('a', undefined, undefined, 'shared')).toBe('shared');
  });
});

describe('ProblemField', () => {
  it('marks its control invalid, described by its problem, its hint and its notes', () => {
    render(
      <FieldProblemsProvider
        problems={[
          { key: 'durationMs', label: 'Duration', where: '', message: 'between 2 and 600 seconds' },
        ]}
      >
        <span id="note">Not translated</span>
        <ProblemField name="durationMs" label="Duration (seconds)" hint="2 to 600" notes={['note']}>
          {(control) => <input {...control} />}
        </ProblemField>
      </FieldProblemsProvider>,
    );
    const input = screen.getByRole('textbox', { name: 'Duration (seconds)' });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(description(input)).toEqual([
      '⚠ Duration: between 2 and 600 seconds',
      '2 to 600',
      'Not translated',
    ]);
  });
});

describe('Check', () => {
  it('is a checkbox named by its label that says when it changes', () => {
    const onChange = vi.fn();
    render(<Check label="Show this slide" checked={false} onChange={onChange} />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show this slide' }));
    expect(onChange).toHaveBeenCalledWith(true);
  });

  it('is a radio button of a named group', () => {
    render(
      <>
        <Check type="radio" name="mode" label="Always" checked onChange={() => undefined} />
        <Check
          type="radio"
          name="mode"
          label="Sometimes"
          checked={false}
          onChange={() => undefined}
        />
      </>,
    );
    expect(screen.getByRole('radio', { name: 'Always' })).toHaveProperty('checked', true);
    expect(screen.getByRole('radio', { name: 'Sometimes' }).getAttribute('name')).toBe('mode');
  });
});
