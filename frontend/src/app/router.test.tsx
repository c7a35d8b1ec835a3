import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { apiError, json, mockFetch } from '@/test/fetch-mock';
import { testQueryClient } from '@/test/render';
import { AppProviders } from './providers';
import { routes } from './router';

function renderApp(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <AppProviders client={testQueryClient()}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return router;
}

describe('the app', () => {
  it('shows the public list to anonymous visitors, with a skip link and navigation', async () => {
    mockFetch({
      'POST /api/auth/token/refresh/': apiError(401, 'token_not_valid'),
      'GET /api/webinars/': json({ count: 0, next: null, previous: null, results: [] }),
    });
    renderApp('/');
    expect(await screen.findByRole('heading', { name: 'Upcoming webinars' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Skip to content' })).toHaveAttribute('href', '#main');
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Log in' })).toBeInTheDocument();
    expect(document.title).toBe('Webinars · Stagecall');
  });

  it('sends anonymous visitors of private pages to log in, and back afterwards', async () => {
    mockFetch({ 'POST /api/auth/token/refresh/': apiError(401, 'token_not_valid') });
    const router = renderApp('/me');
    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toBe('?next=%2Fme');
  });

  it('has a not-found page', async () => {
    mockFetch({ 'POST /api/auth/token/refresh/': apiError(401, 'token_not_valid') });
    renderApp('/no/such/page');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
  });
});
