import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { EmptyState } from '@/components/ui/EmptyState';
import { ProgressBar, Spinner } from '@/components/ui/Spinner';
import { errorMessage } from '@/lib/errors';
import { useDownload } from '@/lib/use-download';
import { formatTime } from '@/lib/format';
import { attendanceCsv, useAttendance, useTimeline } from '../api/attendance';
import { AttendanceChart } from './AttendanceChart';

/** Hosts: who attended, for how long, and attendance over time. */
export function AttendanceReport({ webinarId }: { webinarId: number }) {
  const attendance = useAttendance(webinarId);
  const timeline = useTimeline(webinarId);
  const csv = useDownload(attendanceCsv(webinarId));

  const rows = attendance.data ?? [];
  const attended = rows.filter((r) => r.attended).length;
  return (
    <div className="stack">
      {timeline.isPending && <Spinner label="Loading the chart…" />}
      {timeline.data && <AttendanceChart points={timeline.data} />}
      {timeline.error && <p className="meta">The attendance chart is not available.</p>}
      <div className="actions">
        <Button onClick={() => csv.mutate()} loading={csv.isPending} loadingText="Exporting…">
          Export attendance CSV
        </Button>
      </div>
      {csv.isPending && <ProgressBar label="Exporting attendance" />}
      {csv.error && <Alert tone="error">{errorMessage(csv.error)}</Alert>}
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
