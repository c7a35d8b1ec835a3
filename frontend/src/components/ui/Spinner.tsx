export function Spinner({
  label = 'Loading…',
  size = 'medium',
  decorative = false,
}: {
  label?: string;
  size?: 'small' | 'medium';
  decorative?: boolean;
}) {
  if (decorative) return <span className={`spinner spinner-${size}`} aria-hidden="true" />;
  return (
    <span className="spinner-wrap" role="status">
      <span className={`spinner spinner-${size}`} aria-hidden="true" />
      <span className="spinner-label">{label}</span>
    </span>
  );
}

/** Indeterminate progress bar for long actions (going live, exporting, bulk updates). */
export function ProgressBar({ label }: { label: string }) {
  return (
    <div className="progress" role="progressbar" aria-label={label} aria-busy="true">
      <div className="progress-bar" />
    </div>
  );
}
