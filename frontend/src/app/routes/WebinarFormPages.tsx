import { Link, useNavigate, useParams } from 'react-router';
import { Alert } from '@/components/ui/Alert';
import { Spinner } from '@/components/ui/Spinner';
import { useWebinar } from '@/features/webinars/api/get-webinar';
import { useCreateWebinar, useUpdateWebinar } from '@/features/webinars/api/save-webinar';
import { WebinarForm } from '@/features/webinars/components/WebinarForm';
import { errorMessage } from '@/lib/errors';
import { useDocumentTitle } from './use-document-title';

export function CreateWebinarPage() {
  useDocumentTitle('New webinar');
  const navigate = useNavigate();
  const create = useCreateWebinar();
  return (
    <section className="narrow" aria-labelledby="new-title">
      <h1 id="new-title">New webinar</h1>
      <p className="meta">It starts as a draft: nobody else sees it until you publish it.</p>
      <WebinarForm
        submitLabel="Create draft"
        submitting={create.isPending}
        error={create.error}
        onSubmit={(input) => create.mutate(input, { onSuccess: (w) => navigate(`/webinars/${w.id}/manage`) })}
      />
    </section>
  );
}

export function EditWebinarPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const webinar = useWebinar(id);
  const update = useUpdateWebinar(id);
  useDocumentTitle(webinar.data ? `Edit ${webinar.data.title}` : 'Edit webinar');
  if (webinar.isPending) return <Spinner label="Loading the webinar…" />;
  if (webinar.error) return <Alert tone="error">{errorMessage(webinar.error)}</Alert>;
  return (
    <section className="narrow" aria-labelledby="edit-title">
      <p>
        <Link to={`/webinars/${id}/manage`}>← Back to the dashboard</Link>
      </p>
      <h1 id="edit-title">Edit “{webinar.data.title}”</h1>
      <WebinarForm
        initial={webinar.data}
        submitLabel="Save changes"
        submitting={update.isPending}
        error={update.error}
        onSubmit={(input) => update.mutate(input, { onSuccess: () => navigate(`/webinars/${id}/manage`) })}
      />
    </section>
  );
}
