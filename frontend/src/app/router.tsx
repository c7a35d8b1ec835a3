import { createBrowserRouter, type RouteObject } from 'react-router';
import { LoginPage } from '@/features/auth/components/LoginPage';
import { RequireAuth } from '@/features/auth/components/RequireAuth';
import { SignupPage } from '@/features/auth/components/SignupPage';
import { Layout } from './Layout';
import { EventPage } from './routes/EventPage';
import { HomePage } from './routes/HomePage';
import { HostDashboardPage } from './routes/HostDashboardPage';
import { LivePage } from './routes/LivePage';
import { MyWebinarsPage } from './routes/MyWebinarsPage';
import { NotFoundPage } from './routes/NotFoundPage';
import { CreateWebinarPage, EditWebinarPage } from './routes/WebinarFormPages';

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'login', element: <LoginPage /> },
      { path: 'signup', element: <SignupPage /> },
      { path: 'w/:slug', element: <EventPage /> },
      { path: 'w/:slug/live', element: <RequireAuth><LivePage /></RequireAuth> },
      { path: 'me', element: <RequireAuth><MyWebinarsPage /></RequireAuth> },
      { path: 'webinars/new', element: <RequireAuth><CreateWebinarPage /></RequireAuth> },
      { path: 'webinars/:id/edit', element: <RequireAuth><EditWebinarPage /></RequireAuth> },
      { path: 'webinars/:id/manage', element: <RequireAuth><HostDashboardPage /></RequireAuth> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
