import { useQuery } from '@tanstack/react-query';
import { api, downloadFile } from '@/lib/api-client';
import { useViewer } from '@/lib/auth-context';
import { queryKeys } from '@/lib/query-keys';
import type { AttendanceRow, Paginated, TimelinePoint } from '@/types/api';

function unwrap<T>(data: T[] | Paginated<T>): T[] {
  return Array.isArray(data) ? data : data.results;
}

/** GET /api/webinars/{id}/attendance/ — hosts: per registrant, time present. */
export async function getAttendance(webinarId: number, signal?: AbortSignal): Promise<AttendanceRow[]> {
  return unwrap(await api<AttendanceRow[] | Paginated<AttendanceRow>>(`/api/webinars/${webinarId}/attendance/`, { signal }));
}

/** GET /api/webinars/{id}/attendance/timeline/ — people present per minute, for the chart. */
export async function getTimeline(webinarId: number, signal?: AbortSignal): Promise<TimelinePoint[]> {
  type Raw = { at?: string; minute?: string; present: number };
  const raw = unwrap(await api<Raw[] | Paginated<Raw>>(`/api/webinars/${webinarId}/attendance/timeline/`, { signal }));
  // The contract draft named the time `minute`; the backend ships `at`. Accept both.
  return raw.map((p) => ({ at: p.at ?? p.minute ?? '', present: p.present }));
}

export function useAttendance(webinarId: number, enabled = true) {
  const { ready, viewer } = useViewer();
  return useQuery({
    queryKey: queryKeys.attendance(webinarId, viewer),
    queryFn: ({ signal }) => getAttendance(webinarId, signal),
    enabled: ready && enabled,
  });
}

export function useTimeline(webinarId: number, enabled = true) {
  const { ready, viewer } = useViewer();
  return useQuery({
    queryKey: queryKeys.timeline(webinarId, viewer),
    queryFn: ({ signal }) => getTimeline(webinarId, signal),
    enabled: ready && enabled,
    retry: false,
  });
}

export function exportAttendance(webinarId: number) {
  return downloadFile(`/api/webinars/${webinarId}/attendance.csv`, `attendance-${webinarId}.csv`);
}
