import { Link, useParams } from 'react-router';
import { Alert } from '@/components/ui/Alert';
import { Spinner } from '@/components/ui/Spinner';
import { JoinFlow } from '@/features/live/components/JoinFlow';
import { useWebinarBySlug } from '@/features/webinars/api/get-webinar';
import { errorMessage } from '@/lib/errors';
import { useDocumentTitle } from './use-document-title';

/** /w/:slug/live — the waiting screen that turns into the room by itself. */
export function LivePage() {
  const { slug = '' } = useParams();
  const webinar = useWebinarBySlug(slug);
  useDocumentTitle(webinar.data ? `Live: ${webinar.data.title}` : undefined);
  if (webinar.isPending) return <Spinner label="Loading the webinar…" />;
  if (webinar.error) {
    return (
      <section className="narrow">
        <h1>Webinar not available</h1>
        <Alert tone="error">{errorMessage(webinar.error)}</Alert>
        <Link to="/">Browse webinars</Link>
      </section>
    );
  }
  return <JoinFlow key={webinar.data.id} webinarId={webinar.data.id} slug={webinar.data.slug} title={webinar.data.title} />;
}
