import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { SelectField, TextAreaField, TextField } from '@/components/ui/Field';
import { errorMessage, fieldErrors } from '@/lib/errors';
import type { Webinar, WebinarInput } from '@/types/api';
import { CoHostsField } from './CoHostsField';
import { parseFormValues, toFormValues, type WebinarFormValues } from './webinar-form-model';

/** Create/edit form. Client checks catch the obvious; the server's field errors land on the same fields. */
export function WebinarForm({
  initial,
  submitLabel,
  submitting,
  error,
  onSubmit,
}: {
  initial?: Webinar;
  submitLabel: string;
  submitting: boolean;
  error: unknown;
  onSubmit: (input: WebinarInput) => void;
}) {
  const [values, setValues] = useState<WebinarFormValues>(() => toFormValues(initial));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const serverErrors = fieldErrors(error);
  const errors = { ...serverErrors, ...clientErrors };

  function set<K extends keyof WebinarFormValues>(key: K, value: WebinarFormValues[K]) {
    setValues((prev) => ({ ...prev, [key]: value }));
    setClientErrors((prev) => {
      if (!(key in prev)) return prev;
      const next = { ...prev };
      delete next[key];
      return next;
    });
  }

  /** The props every field shares: its name, value, error, and an onChange that writes back to `values`. */
  function bind<K extends keyof WebinarFormValues>(key: K) {
    return {
      name: key,
      value: values[key],
      error: errors[key],
      // Selects only offer the options their type allows, so the cast holds.
      onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => set(key, e.target.value as WebinarFormValues[K]),
    };
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseFormValues(values);
    setClientErrors(parsed.errors);
    if (!parsed.input) {
      // Move focus to the first invalid field so keyboard and screen-reader users land on the problem.
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    onSubmit(parsed.input);
  }

  return (
    <form ref={formRef} className="stack form" onSubmit={submit} noValidate aria-busy={submitting}>
      {error != null && <Alert tone="error">{errorMessage(error)}</Alert>}
      <TextField label="Title" required {...bind('title')} />
      <TextAreaField label="Description" rows={4} {...bind('description')} />
      <div className="row">
        <TextField label="Starts" type="datetime-local" required {...bind('starts_at')} />
        <TextField label="Ends" type="datetime-local" required {...bind('ends_at')} error={errors.ends_at ?? errors.non_field_errors} />
      </div>
      <div className="row">
        <TextField
          label="Capacity"
          type="number"
          min={1}
          inputMode="numeric"
          hint="Empty means unlimited. When full, new registrations join the waitlist."
          {...bind('capacity')}
        />
        <SelectField label="Registration" {...bind('registration_policy')}>
          <option value="open">Open: everyone who registers is in</option>
          <option value="approval">Approval: hosts approve each registration</option>
        </SelectField>
        <SelectField label="Visibility" {...bind('visibility')}>
          <option value="public">Public: listed</option>
          <option value="unlisted">Unlisted: only people with the link</option>
        </SelectField>
      </div>
      <TextField label="Tags" hint="Separate tags with commas, e.g. python, data." {...bind('tags')} />
      <CoHostsField webinar={initial} value={values.co_hosts} onChange={(next) => set('co_hosts', next)} error={errors.co_hosts} />
      <div>
        <Button type="submit" variant="primary" loading={submitting} loadingText="Saving…">
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
