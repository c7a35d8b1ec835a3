const LABELS: Record<string, string> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  practice: 'Green room',
  live: 'Live',
  ended: 'Ended',
  cancelled: 'Cancelled',
  pending: 'Awaiting approval',
  approved: 'Registered',
  waitlisted: 'Waitlisted',
  rejected: 'Not approved',
};

export function statusLabel(status: string): string {
  return LABELS[status] ?? status;
}
