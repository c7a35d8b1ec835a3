import { formatTime } from '@/lib/format';
import type { TimelinePoint } from '@/types/api';

const WIDTH = 600;
const HEIGHT = 200;
const PAD = { top: 12, right: 12, bottom: 28, left: 36 };

/**
 * Attendance over time as a small SVG area chart. Screen readers get a summary
 * as the image's accessible name plus the data as a table (in a <details>).
 */
export function AttendanceChart({ points }: { points: TimelinePoint[] }) {
  if (points.length === 0) return <p className="meta">No attendance recorded yet.</p>;
  const max = Math.max(1, ...points.map((p) => p.present));
  const peak = points.reduce((best, p) => (p.present > best.present ? p : best), points[0]!);
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length === 1 ? innerW / 2 : (i / (points.length - 1)) * innerW);
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
  const line = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.present).toFixed(1)}`).join(' ');
  const area = `${line} L${x(points.length - 1).toFixed(1)},${y(0)} L${x(0).toFixed(1)},${y(0)} Z`;
  const summary = `Attendance over ${points.length} minute${points.length === 1 ? '' : 's'}; peak of ${peak.present} at ${formatTime(peak.at)}.`;
  const ticks = [0, Math.round(max / 2), max].filter((v, i, all) => all.indexOf(v) === i);
  const labelEvery = Math.max(1, Math.ceil(points.length / 6));

  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} preserveAspectRatio="xMidYMid meet">
        {ticks.map((t) => (
          <g key={t}>
            <line className="chart-grid" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(t)} y2={y(t)} />
            <text className="chart-label" x={PAD.left - 6} y={y(t) + 4} textAnchor="end">
              {t}
            </text>
          </g>
        ))}
        <path className="chart-area" d={area} />
        <path className="chart-line" d={line} fill="none" />
        {points.length <= 60 &&
          points.map((p, i) => <circle key={`dot-${p.at}`} className="chart-dot" cx={x(i)} cy={y(p.present)} r={3} />)}
        {points.map((p, i) =>
          i % labelEvery === 0 ? (
            <text key={p.at} className="chart-label" x={x(i)} y={HEIGHT - 8} textAnchor="middle">
              {formatTime(p.at)}
            </text>
          ) : null,
        )}
      </svg>
      <figcaption>{summary}</figcaption>
      <details>
        <summary>Show the data as a table</summary>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Minute</th>
              <th scope="col">Present</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.at}>
                <td data-label="Minute">{formatTime(p.at)}</td>
                <td data-label="Present">{p.present}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
