import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { ThemeSwitcher } from '@/components/ui/ThemeSwitcher';
import { useAuth } from '@/lib/auth-context';

/** Page chrome: skip link, navigation, theme switch, and focus management on navigation. */
export function Layout() {
  const { status, user, logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After an in-app navigation, move focus to the new page so keyboard and
  // screen-reader users start at its content, as they would on a full load.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: false });
  }, [location.pathname]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link to="/" className="brand" aria-label="Stagecall home">
          <span aria-hidden="true">◉</span> Stagecall
        </Link>
        <nav aria-label="Main">
          <ul>
            <li>
              <NavLink to="/" end>
                Webinars
              </NavLink>
            </li>
            {status === 'authenticated' && (
              <>
                <li>
                  <NavLink to="/me">My webinars</NavLink>
                </li>
                <li>
                  <NavLink to="/webinars/new">New webinar</NavLink>
                </li>
              </>
            )}
          </ul>
        </nav>
        <div className="header-end">
          <ThemeSwitcher />
          {status === 'authenticated' && user && (
            <>
              <span className="meta header-user" aria-label="Signed in as">
                {user.display_name || user.username}
              </span>
              <button
                type="button"
                className="btn btn-ghost"
                onClick={() => {
                  void logout().then(() => navigate('/'));
                }}
              >
                Log out
              </button>
            </>
          )}
          {status === 'anonymous' && (
            <>
              <Link to="/login">Log in</Link>
              <Link className="btn btn-primary btn-small" to="/signup">
                Sign up
              </Link>
            </>
          )}
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p className="meta">Stagecall · open-source webinars on Jitsi Meet</p>
      </footer>
    </div>
  );
}
