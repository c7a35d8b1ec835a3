import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

type Common = { label: string; hint?: ReactNode; error?: string; id?: string; required?: boolean };

/** What the control needs to be tied to its label, hint and error. */
interface ControlProps {
  id: string;
  required?: boolean;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/** A label, the control (rendered by `children`), then its hint and error, all linked by id. */
export function Field({ label, hint, error, id, required, children }: Common & { children: (control: ControlProps) => ReactNode }) {
  const autoId = useId();
  const fieldId = id ?? autoId;
  const describedBy = [hint ? `${fieldId}-hint` : '', error ? `${fieldId}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={fieldId}>
        {label}
        {required && (
          <span className="required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {children({
        id: fieldId,
        required,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy || undefined,
      })}
      {hint && (
        <p className="field-hint" id={`${fieldId}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${fieldId}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

export function TextField({ label, hint, error, id, required, ...rest }: Common & InputHTMLAttributes<HTMLInputElement>) {
  return <Field {...{ label, hint, error, id, required }}>{(control) => <input {...control} {...rest} />}</Field>;
}

export function TextAreaField({ label, hint, error, id, required, ...rest }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <Field {...{ label, hint, error, id, required }}>{(control) => <textarea {...control} {...rest} />}</Field>;
}

export function SelectField({ label, hint, error, id, required, ...rest }: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  return <Field {...{ label, hint, error, id, required }}>{(control) => <select {...control} {...rest} />}</Field>;
}
