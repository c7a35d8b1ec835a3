/** Render helpers: real providers (react-query, router) with a fake signed-in (or anonymous) person. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { vi } from 'vitest';
import { AuthContext, type AuthContextValue } from '@/lib/auth-context';
import type { User } from '@/types/api';

export const alice: User = {
  id: 1,
  username: 'alice',
  email: 'alice@example.com',
  display_name: 'Alice Attendee',
  avatar_url: '',
  is_staff: false,
  timezone: '',
  email_reminders: true,
  email_follow_ups: true,
};

export function fakeAuth(overrides: Partial<AuthContextValue> = {}): AuthContextValue {
  return {
    status: 'authenticated',
    user: alice,
    login: vi.fn(async () => alice),
    logout: vi.fn(async () => undefined),
    reloadUser: vi.fn(async () => undefined),
    ...overrides,
  };
}

export function testQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 0 }, mutations: { retry: false } } });
}

export function renderWithProviders(
  ui: ReactElement,
  { path = '/', route = '/', auth = fakeAuth(), extraRoutes = [] }: { path?: string; route?: string; auth?: AuthContextValue; extraRoutes?: RouteObject[] } = {},
) {
  const client = testQueryClient();
  const router = createMemoryRouter([{ path, element: ui }, ...extraRoutes, { path: '*', element: <p>Other page</p> }], {
    initialEntries: [route],
  });
  const result = render(
    <QueryClientProvider client={client}>
      <AuthContext.Provider value={auth}>
        <RouterProvider router={router} />
      </AuthContext.Provider>
    </QueryClientProvider>,
  );
  return { ...result, router, client };
}
