import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { TextField } from '@/components/ui/Field';
import { useAuth } from '@/lib/auth-context';
import { errorMessage, fieldErrors } from '@/lib/errors';
import { registerUser, type SignupInput } from '../api/register-user';
import { safeNextPath } from '../next-path';

/** Sign up, then log straight in. */
export function SignupPage() {
  const { login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const [values, setValues] = useState<SignupInput>({ username: '', email: '', password: '', display_name: '' });
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const errors = fieldErrors(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      await registerUser(values);
      await login(values.username, values.password);
      navigate(next, { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  }

  const set = (key: keyof SignupInput) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));

  return (
    <section className="narrow" aria-labelledby="signup-title">
      <h1 id="signup-title">Create an account</h1>
      <form className="stack form" onSubmit={submit} aria-busy={pending}>
        {error != null && <Alert tone="error">{errorMessage(error)}</Alert>}
        <TextField label="Display name" name="display_name" autoComplete="name" required value={values.display_name} error={errors.display_name} onChange={set('display_name')} />
        <TextField label="Username" name="username" autoComplete="username" required value={values.username} error={errors.username} onChange={set('username')} />
        <TextField label="Email" name="email" type="email" autoComplete="email" required value={values.email} error={errors.email} onChange={set('email')} />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 8 characters; not too common and not all digits."
          value={values.password}
          error={errors.password}
          onChange={set('password')}
        />
        <div>
          <Button type="submit" variant="primary" loading={pending} loadingText="Creating your account…">
            Sign up
          </Button>
        </div>
      </form>
      <p>
        Already have an account? <Link to={`/login?next=${encodeURIComponent(next)}`}>Log in</Link>
      </p>
    </section>
  );
}
