import { useId, useState } from 'react';

/** A read-only link with a Copy button that says whether copying worked. */
export function CopyField({ label, value }: { label: string; value: string }) {
  const id = useId();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
  }

  return (
    <div className="field copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="input-row">
        <input id={id} readOnly value={value} onFocus={(event) => event.currentTarget.select()} />
        <button type="button" className="btn btn-secondary" onClick={copy}>
          Copy link
        </button>
      </div>
      <p className="field-hint" role="status">
        {state === 'copied' ? 'Link copied to the clipboard.' : state === 'failed' ? 'Copy failed: select the link and copy it by hand.' : ''}
      </p>
    </div>
  );
}
