import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { EmptyState } from '@/components/ui/EmptyState';
import { SelectField, TextField } from '@/components/ui/Field';
import { Spinner } from '@/components/ui/Spinner';
import { errorMessage } from '@/lib/errors';
import type { WebinarStatus } from '@/types/api';

/** '' (the default) = upcoming and live; 'all' = no status filter. */
type StatusChoice = '' | 'all' | WebinarStatus;
const UPCOMING: readonly WebinarStatus[] = ['scheduled', 'live'];
import { useWebinars, type WebinarFilters } from '../api/list-webinars';
import { WebinarCard } from './WebinarCard';

const PAGE_SIZE = 12;

/** Start of a local day as ISO, for the "from"/"to" date filters. */
function dayBoundary(date: string, end: boolean): string | undefined {
  if (!date) return undefined;
  const value = new Date(`${date}T${end ? '23:59:59' : '00:00:00'}`);
  return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
}

/**
 * Public listing with search, tag and date filters. Filters live in the URL so
 * a filtered list can be bookmarked and shared, and Back works as expected.
 */
export function WebinarList() {
  const [params, setParams] = useSearchParams();
  const search = params.get('search') ?? '';
  const tag = params.get('tag') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const status = (params.get('status') ?? '') as StatusChoice;
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);

  const [draft, setDraft] = useState({ search, tag, from, to, status });

  const filters: WebinarFilters = {
    search: search || undefined,
    tag: tag || undefined,
    status: status === '' ? UPCOMING : status === 'all' ? undefined : status,
    starts_after: dayBoundary(from, false),
    starts_before: dayBoundary(to, true),
    ordering: 'starts_at',
    page,
    page_size: PAGE_SIZE,
  };
  const { data, error, isPending, isFetching } = useWebinars(filters);
  const [filtersOpen] = useState(() => Boolean(search || tag || from || to || status) || !window.matchMedia?.('(max-width: 560px)').matches);

  function apply(next: Partial<typeof draft> & { page?: number }) {
    const merged = { ...draft, ...next };
    setDraft(merged);
    const out = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...merged, page: next.page && next.page > 1 ? String(next.page) : '' })) {
      if (value) out.set(key, String(value));
    }
    setParams(out);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    apply({});
  }

  const totalPages = data ? Math.max(1, Math.ceil(data.count / PAGE_SIZE)) : 1;

  return (
    <section aria-labelledby="list-title">
      <h1 id="list-title">{status === 'ended' ? 'Past webinars' : 'Upcoming webinars'}</h1>
      {/* Folded on phones unless a filter is set, so the first screen shows webinars. */}
      <details className="filters-panel" open={filtersOpen}>
        <summary>Search and filters</summary>
        <form className="filters" role="search" aria-label="Filter webinars" onSubmit={onSubmit}>
          <TextField
            label="Search"
            type="search"
            name="search"
            placeholder="Title contains…"
            value={draft.search}
            onChange={(e) => setDraft({ ...draft, search: e.target.value })}
          />
          <TextField
            label="Tag"
            name="tag"
            value={draft.tag}
            onChange={(e) => setDraft({ ...draft, tag: e.target.value })}
          />
          <TextField label="From" type="date" name="from" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
          <TextField label="To" type="date" name="to" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
          <SelectField
            label="Status"
            name="status"
            value={draft.status}
            onChange={(e) => setDraft({ ...draft, status: e.target.value as StatusChoice })}
          >
            <option value="">Upcoming and live</option>
            <option value="live">Live now</option>
            <option value="scheduled">Scheduled</option>
            <option value="ended">Past</option>
            <option value="all">All</option>
          </SelectField>
          <div className="filter-actions">
            <Button type="submit" variant="primary">
              Apply filters
            </Button>
            <Button type="button" variant="ghost" onClick={() => apply({ search: '', tag: '', from: '', to: '', status: '' })}>
              Clear
            </Button>
          </div>
        </form>
      </details>

      <div aria-live="polite" aria-busy={isFetching} className="list-status">
        {isPending && <Spinner label="Loading webinars…" />}
        {data && !isPending && (
          <p className="meta">
            {data.count === 1 ? '1 webinar' : `${data.count} webinars`}
            {tag && <> tagged “{tag}”</>}
          </p>
        )}
      </div>
      {error && <Alert tone="error">{errorMessage(error)}</Alert>}
      {data && data.results.length === 0 && (
        <EmptyState title="No webinars match these filters.">
          <p>Try a different search, or clear the filters.</p>
        </EmptyState>
      )}
      {data && data.results.length > 0 && (
        <ul className="card-grid" aria-label="Webinars">
          {data.results.map((webinar) => (
            <li key={webinar.id}>
              <WebinarCard webinar={webinar} onTag={(t) => apply({ tag: t })} />
            </li>
          ))}
        </ul>
      )}
      {data && totalPages > 1 && (
        <nav className="pagination" aria-label="Pages">
          <Button disabled={!data.previous} onClick={() => apply({ page: page - 1 })}>
            Previous
          </Button>
          <span aria-current="page">
            Page {page} of {totalPages}
          </span>
          <Button disabled={!data.next} onClick={() => apply({ page: page + 1 })}>
            Next
          </Button>
        </nav>
      )}
    </section>
  );
}
