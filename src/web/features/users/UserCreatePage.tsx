import { Link, useLocation } from 'wouter';
import { Form } from '../../components/Form.js';
import { TextField } from '../../components/fields.js';
import { api } from '../../lib/api.js';
import type { CreateUserBody, Role, UserView } from '../../lib/contract.js';
import { useFlash } from '../../lib/flash.js';
import { useForm } from '../../lib/form.js';
import { t } from '../../lib/messages.js';
import { branchIdsFor, UserFields } from './UserFields.js';

export function UserCreatePage() {
  const [, navigate] = useLocation();
  const flash = useFlash();
  const form = useForm({ login: '', password: '', fullName: '', role: 'librarian', branchIds: [] as string[] });
  const f = t.userForm;
  return (
    <>
      <p className="breadcrumbs"><Link href="/users">{t.users.back}</Link></p>
      <h1>{f.createTitle}</h1>
      <Form
        form={form}
        label={f.createTitle}
        submitLabel={f.submitCreate}
        className="form-grid"
        onSubmit={async (values) => {
          const body: CreateUserBody = {
            login: values.login.trim(),
            password: values.password,
            fullName: values.fullName,
            role: values.role as Role,
            branchIds: branchIdsFor(values.role, values.branchIds),
          };
          const user = await api.post<UserView>('/users', body);
          flash(f.created(user.login), '/users');
          navigate('/users');
          return undefined;
        }}
      >
        <TextField form={form} name="login" label={f.login} required hint={f.loginHint} autoComplete="off" />
        <TextField form={form} name="password" label={f.password} required type="password" hint={f.passwordHint} autoComplete="new-password" />
        <UserFields form={form} />
      </Form>
    </>
  );
}
