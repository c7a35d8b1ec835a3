import { Link } from 'react-router';
import { MyRegistrationsList } from '@/features/registrations/components/MyRegistrationsList';
import { CoHostInvitationsPanel } from '@/features/webinars/components/CoHostInvitationsPanel';
import { HostedWebinarsList } from '@/features/webinars/components/HostedWebinarsList';
import { InstantWebinarButton } from '@/features/webinars/components/InstantWebinarButton';
import { useDocumentTitle } from './use-document-title';

export function MyWebinarsPage() {
  useDocumentTitle('My webinars');
  return (
    <div className="stack-lg">
      <h1>My webinars</h1>
      <CoHostInvitationsPanel />
      <section aria-labelledby="hosting-title" className="stack">
        <div className="section-head">
          <h2 id="hosting-title">Hosting</h2>
          <Link className="btn btn-secondary" to="/webinars/new">
            New webinar
          </Link>
        </div>
        <InstantWebinarButton />
        <HostedWebinarsList />
      </section>
      <section aria-labelledby="attending-title" className="stack">
        <h2 id="attending-title">Attending</h2>
        <MyRegistrationsList />
      </section>
    </div>
  );
}
