import { useState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { EmptyState } from '@/components/ui/EmptyState';
import { ProgressBar, Spinner } from '@/components/ui/Spinner';
import { errorMessage } from '@/lib/errors';
import { formatTime } from '@/lib/format';
import { exportAttendance, useAttendance, useTimeline } from '../api/attendance';
import { AttendanceChart } from './AttendanceChart';

/** Hosts: who attended, for how long, and attendance over time. */
export function AttendanceReport({ webinarId }: { webinarId: number }) {
  const attendance = useAttendance(webinarId);
  const timeline = useTimeline(webinarId);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);

  async function exportCsv() {
    setExporting(true);
    setExportError(null);
    try {
      await exportAttendance(webinarId);
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(false);
    }
  }

  const rows = attendance.data ?? [];
  const attended = rows.filter((r) => r.attended).length;
  return (
    <div className="stack">
      {timeline.isPending && <Spinner label="Loading the chart…" />}
      {timeline.data && <AttendanceChart points={timeline.data} />}
      {timeline.error && <p className="meta">The attendance chart is not available.</p>}
      <div className="actions">
        <Button onClick={exportCsv} loading={exporting} loadingText="Exporting…">
          Export attendance CSV
        </Button>
      </div>
      {exporting && <ProgressBar label="Exporting attendance" />}
      {exportError != null && <Alert tone="error">{errorMessage(exportError)}</Alert>}
      {attendance.isPending && <Spinner label="Loading attendance…" />}
      {attendance.error && <Alert tone="error">{errorMessage(attendance.error)}</Alert>}
      {attendance.data && rows.length === 0 && <EmptyState title="No registrants to report on yet." />}
      {rows.length > 0 && (
        <>
          <p className="meta">
            {attended} of {rows.length} {rows.length === 1 ? 'person' : 'people'} on the list attended.
          </p>
          <table className="table">
            <caption className="visually-hidden">Attendance</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Attended</th>
                <th scope="col">First join</th>
                <th scope="col">Last leave</th>
                <th scope="col">Minutes</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.user}>
                  <th scope="row">{r.display_name}</th>
                  <td data-label="Email">{r.email}</td>
                  <td data-label="Attended">{r.attended ? 'Yes' : 'No'}</td>
                  <td data-label="First join">{formatTime(r.first_join)}</td>
                  <td data-label="Last leave">{formatTime(r.last_leave)}</td>
                  <td data-label="Minutes">{Math.round(r.minutes_present)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
