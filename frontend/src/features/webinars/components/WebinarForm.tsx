import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { SelectField, TextAreaField, TextField } from '@/components/ui/Field';
import { errorMessage, fieldErrors } from '@/lib/errors';
import type { Webinar, WebinarInput } from '@/types/api';
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
      <TextField label="Title" name="title" required value={values.title} error={errors.title} onChange={(e) => set('title', e.target.value)} />
      <TextAreaField
        label="Description"
        name="description"
        rows={4}
        value={values.description}
        error={errors.description}
        onChange={(e) => set('description', e.target.value)}
      />
      <div className="row">
        <TextField
          label="Starts"
          name="starts_at"
          type="datetime-local"
          required
          value={values.starts_at}
          error={errors.starts_at}
          onChange={(e) => set('starts_at', e.target.value)}
        />
        <TextField
          label="Ends"
          name="ends_at"
          type="datetime-local"
          required
          value={values.ends_at}
          error={errors.ends_at ?? errors.non_field_errors}
          onChange={(e) => set('ends_at', e.target.value)}
        />
      </div>
      <div className="row">
        <TextField
          label="Capacity"
          name="capacity"
          type="number"
          min={1}
          inputMode="numeric"
          hint="Empty means unlimited. When full, new registrations join the waitlist."
          value={values.capacity}
          error={errors.capacity}
          onChange={(e) => set('capacity', e.target.value)}
        />
        <SelectField
          label="Registration"
          name="registration_policy"
          value={values.registration_policy}
          error={errors.registration_policy}
          onChange={(e) => set('registration_policy', e.target.value as WebinarFormValues['registration_policy'])}
        >
          <option value="open">Open: everyone who registers is in</option>
          <option value="approval">Approval: hosts approve each registration</option>
        </SelectField>
        <SelectField
          label="Visibility"
          name="visibility"
          value={values.visibility}
          error={errors.visibility}
          onChange={(e) => set('visibility', e.target.value as WebinarFormValues['visibility'])}
        >
          <option value="public">Public: listed</option>
          <option value="unlisted">Unlisted: only people with the link</option>
        </SelectField>
      </div>
      <TextField
        label="Tags"
        name="tags"
        hint="Separate tags with commas, e.g. python, data."
        value={values.tags}
        error={errors.tags}
        onChange={(e) => set('tags', e.target.value)}
      />
      <TextField
        label="Co-hosts (user ids)"
        name="co_hosts"
        hint="Numeric user ids separated by commas. Co-hosts have the same rights as you."
        value={values.co_hosts}
        error={errors.co_hosts}
        onChange={(e) => set('co_hosts', e.target.value)}
      />
      <div>
        <Button type="submit" variant="primary" loading={submitting} loadingText="Saving…">
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
