import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AttendanceChart } from './AttendanceChart';

describe('the attendance chart', () => {
  it('draws an accessible SVG with a summary and a data table', () => {
    const points = [
      { at: '2030-01-01T10:00:00Z', present: 2 },
      { at: '2030-01-01T10:01:00Z', present: 7 },
      { at: '2030-01-01T10:02:00Z', present: 5 },
    ];
    const { container } = render(<AttendanceChart points={points} />);
    const img = screen.getByRole('img');
    expect(img.getAttribute('aria-label')).toMatch(/over 3 minutes; peak of 7/);
    expect(container.querySelector('path.chart-line')?.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+ L/);
    expect(screen.getAllByRole('row')).toHaveLength(4);
  });

  it('says so when there is nothing to draw', () => {
    render(<AttendanceChart points={[]} />);
    expect(screen.getByText('No attendance recorded yet.')).toBeInTheDocument();
  });
});
