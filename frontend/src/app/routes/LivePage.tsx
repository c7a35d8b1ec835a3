import { useParams } from 'react-router';
import { Spinner } from '@/components/ui/Spinner';
import { JoinFlow } from '@/features/live/components/JoinFlow';
import { RecordingControls } from '@/features/recordings/components/RecordingControls';
import { useWebinarBySlug } from '@/features/webinars/api/get-webinar';
import { useDocumentTitle } from './use-document-title';
import { WebinarUnavailable } from './WebinarUnavailable';

/** /w/:slug/live — the waiting screen that turns into the room by itself. */
export function LivePage() {
  const { slug = '' } = useParams();
  const webinar = useWebinarBySlug(slug);
  useDocumentTitle(webinar.data ? `Live: ${webinar.data.title}` : undefined);
  if (webinar.isPending) return <Spinner label="Loading the webinar…" />;
  if (webinar.error) return <WebinarUnavailable error={webinar.error} />;
  return (
    <JoinFlow
      key={webinar.data.id}
      webinarId={webinar.data.id}
      slug={webinar.data.slug}
      title={webinar.data.title}
      hostTools={(api) => <RecordingControls api={api} />}
    />
  );
}
