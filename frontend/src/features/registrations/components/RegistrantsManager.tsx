import { useState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { EmptyState } from '@/components/ui/EmptyState';
import { SelectField, TextField } from '@/components/ui/Field';
import { ProgressBar, Spinner } from '@/components/ui/Spinner';
import { StatusBadge } from '@/components/ui/StatusBadge';
import { errorMessage } from '@/lib/errors';
import { useDownload } from '@/lib/use-download';
import { formatDateTime } from '@/lib/format';
import type { RegistrationStatus } from '@/types/api';
import { registrantsCsv, useDecideRegistrations, useRegistrants, type Decision } from '../api/registrants';

/** Hosts: see registrants, approve or reject one or many (while `canDecide`), export CSV. */
export function RegistrantsManager({ webinarId, canDecide }: { webinarId: number; canDecide: boolean }) {
  const [status, setStatus] = useState<RegistrationStatus | ''>('');
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const csv = useDownload(registrantsCsv(webinarId));
  const [notice, setNotice] = useState('');
  const { data, error, isPending, isFetching } = useRegistrants(webinarId, { status, search });
  const decide = useDecideRegistrations(webinarId);

  const rows = data?.results ?? [];
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));

  function toggle(id: number) {
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  function act(ids: number[], action: Decision) {
    setNotice('');
    decide.mutate(
      { ids, action },
      {
        onSuccess: () => {
          setSelected(new Set());
          const n = ids.length;
          setNotice(`${n} registration${n === 1 ? '' : 's'} ${action === 'approve' ? 'approved' : 'rejected'}.`);
        },
      },
    );
  }

  return (
    <div className="stack">
      <div className="toolbar" role="toolbar" aria-label="Registrant filters and bulk actions">
        <SelectField label="Show" value={status} onChange={(e) => setStatus(e.target.value as RegistrationStatus | '')}>
          <option value="">All</option>
          <option value="pending">Awaiting approval</option>
          <option value="approved">Approved</option>
          <option value="waitlisted">Waitlisted</option>
          <option value="rejected">Rejected</option>
          <option value="cancelled">Cancelled</option>
        </SelectField>
        <TextField label="Search registrants" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        {canDecide && (
          <>
            <Button disabled={!selected.size} loading={decide.isPending} onClick={() => act([...selected], 'approve')}>
              Approve selected ({selected.size})
            </Button>
            <Button disabled={!selected.size} loading={decide.isPending} onClick={() => act([...selected], 'reject')}>
              Reject selected
            </Button>
          </>
        )}
        <Button onClick={() => csv.mutate()} loading={csv.isPending} loadingText="Exporting…">
          Export CSV
        </Button>
      </div>
      {(decide.isPending || csv.isPending) && <ProgressBar label={csv.isPending ? 'Exporting registrants' : 'Updating registrations'} />}
      {notice && <Alert tone="success">{notice}</Alert>}
      {decide.error && <Alert tone="error">{errorMessage(decide.error)}</Alert>}
      {csv.error && <Alert tone="error">{errorMessage(csv.error)}</Alert>}
      {error && <Alert tone="error">{errorMessage(error)}</Alert>}
      {isPending && <Spinner label="Loading registrants…" />}
      {data && rows.length === 0 && <EmptyState title="No registrants here yet." />}
      {rows.length > 0 && (
        <table className="table" aria-busy={isFetching}>
          <caption className="visually-hidden">Registrants</caption>
          <thead>
            <tr>
              {canDecide && (
                <th scope="col">
                  <input
                    type="checkbox"
                    aria-label="Select all registrants shown"
                    checked={allSelected}
                    onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((r) => r.id)))}
                  />
                </th>
              )}
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Registered</th>
              <th scope="col">Status</th>
              {canDecide && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const name = r.user_display_name || `User ${r.user}`;
              return (
                <tr key={r.id}>
                  {canDecide && (
                    <td>
                      <input type="checkbox" aria-label={`Select ${name}`} checked={selected.has(r.id)} onChange={() => toggle(r.id)} />
                    </td>
                  )}
                  <th scope="row">{name}</th>
                  <td data-label="Email">{r.user_email ?? '—'}</td>
                  <td data-label="Registered">{formatDateTime(r.created_at)}</td>
                  <td data-label="Status">
                    <StatusBadge status={r.status} />
                  </td>
                  {canDecide && (
                    <td className="actions">
                      {r.status !== 'approved' && r.status !== 'cancelled' && (
                        <Button className="btn-small" onClick={() => act([r.id], 'approve')} aria-label={`Approve ${name}`} disabled={decide.isPending}>
                          Approve
                        </Button>
                      )}
                      {r.status !== 'rejected' && r.status !== 'cancelled' && (
                        <Button className="btn-small" onClick={() => act([r.id], 'reject')} aria-label={`Reject ${name}`} disabled={decide.isPending}>
                          Reject
                        </Button>
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
