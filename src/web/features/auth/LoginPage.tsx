import { useLocation, useSearchParams } from 'wouter';
import { Form } from '../../components/Form.js';
import { TextField } from '../../components/fields.js';
import { api } from '../../lib/api.js';
import type { LoginBody, Me } from '../../lib/contract.js';
import { useForm } from '../../lib/form.js';
import { t } from '../../lib/messages.js';
import { useSession } from '../../lib/session.js';

/** Where to go after sign-in: the page that asked for it, if it is one of ours. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/branches';
}

export function LoginPage() {
  const { signedIn } = useSession();
  const [, navigate] = useLocation();
  const [params] = useSearchParams();
  const form = useForm({ login: '', password: '' });

  return (
    <main id="main" className="login-page">
      <p className="app-name">{t.appName}</p>
      <p className="muted">{t.appTitle}</p>
      <h1>{t.login.title}</h1>
      <Form
        form={form}
        label={t.login.title}
        submitLabel={t.login.submit}
        onSubmit={async (values) => {
          const body: LoginBody = { login: values.login.trim(), password: values.password };
          const me = await api.post<Me>('/auth/login', body);
          signedIn(me);
          navigate(safeNext(params.get('next')), { replace: true });
          return undefined;
        }}
      >
        <TextField form={form} name="login" label={t.login.login} required autoComplete="username" />
        <TextField form={form} name="password" label={t.login.password} required type="password" autoComplete="current-password" />
      </Form>
    </main>
  );
}
