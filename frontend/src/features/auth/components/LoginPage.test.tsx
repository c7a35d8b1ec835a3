import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api-client';
import { alice, fakeAuth, renderWithProviders } from '@/test/render';
import { safeNextPath } from '../next-path';
import { LoginPage } from './LoginPage';

describe('logging in', () => {
  it('logs in and goes back where the person came from', async () => {
    const login = vi.fn(async () => alice);
    const { router } = renderWithProviders(<LoginPage />, {
      path: '/login',
      route: '/login?next=%2Fw%2Fdemo',
      auth: fakeAuth({ status: 'anonymous', user: null, login }),
    });
    await userEvent.type(screen.getByLabelText(/^Username/), 'alice');
    await userEvent.type(screen.getByLabelText(/^Password/), 's3cret-pass');
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(login).toHaveBeenCalledWith('alice', 's3cret-pass');
    expect(router.state.location.pathname).toBe('/w/demo');
  });

  it('says the credentials are wrong on a 401', async () => {
    const login = vi.fn(async () => {
      throw new ApiError(401, 'authentication_failed', 'No active account found with the given credentials');
    });
    renderWithProviders(<LoginPage />, { path: '/login', route: '/login', auth: fakeAuth({ status: 'anonymous', user: null, login }) });
    await userEvent.type(screen.getByLabelText(/^Username/), 'alice');
    await userEvent.type(screen.getByLabelText(/^Password/), 'nope');
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong username or password.');
  });

  it('only follows same-site paths after login', () => {
    expect(safeNextPath('/w/demo')).toBe('/w/demo');
    expect(safeNextPath('//evil.example')).toBe('/');
    expect(safeNextPath('https://evil.example')).toBe('/');
    expect(safeNextPath(null)).toBe('/');
  });
});
