import { useQuery } from '@tanstack/react-query';
import { api, type ApiFile } from '@/lib/api-client';
import { useViewer } from '@/lib/auth-context';
import { queryKeys } from '@/lib/query-keys';
import type { AttendanceRow, TimelinePoint } from '@/types/api';

/** GET /api/webinars/{id}/attendance/ — hosts: per registrant, time present. */
export function getAttendance(webinarId: number, signal?: AbortSignal): Promise<AttendanceRow[]> {
  return api<AttendanceRow[]>(`/api/webinars/${webinarId}/attendance/`, { signal });
}

/** GET /api/webinars/{id}/attendance/timeline/ — people present per minute, for the chart. */
export function getTimeline(webinarId: number, signal?: AbortSignal): Promise<TimelinePoint[]> {
  return api<TimelinePoint[]>(`/api/webinars/${webinarId}/attendance/timeline/`, { signal });
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

/** GET /api/webinars/{id}/attendance.csv — hosts; fetched with the token, never linked. */
export function attendanceCsv(webinarId: number): ApiFile {
  return { path: `/api/webinars/${webinarId}/attendance.csv`, filename: `attendance-${webinarId}.csv` };
}
