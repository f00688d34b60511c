import { Link } from 'wouter';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { Notice, useDisclosure } from '../../components/Disclosure.js';
import { Form } from '../../components/Form.js';
import { TextField } from '../../components/fields.js';
import { ErrorBox, Loading } from '../../components/Status.js';
import { api } from '../../lib/api.js';
import type { Role, UpdateUserBody, UserView } from '../../lib/contract.js';
import { useForm } from '../../lib/form.js';
import { roleLabels, t } from '../../lib/messages.js';
import { useMe } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { branchIdsFor, UserFields } from './UserFields.js';

function ProfileForm({ user, onSaved }: { user: UserView; onSaved(): void }) {
  const form = useForm({ fullName: user.fullName, role: user.role as string, branchIds: user.branchIds.map(String) });
  return (
    <Form
      form={form}
      label={t.userForm.editTitle}
      submitLabel={t.save}
      className="form-grid"
      onSubmit={async (values) => {
        const body: UpdateUserBody = {
          fullName: values.fullName,
          role: values.role as Role,
          branchIds: branchIdsFor(values.role, values.branchIds),
        };
        await api.patch<UserView>(`/users/${user.id}`, body);
        onSaved();
        return t.userForm.saved;
      }}
    >
      <UserFields form={form} />
    </Form>
  );
}

function PasswordForm({ user }: { user: UserView }) {
  const form = useForm({ password: '' });
  return (
    <Form
      form={form}
      label={t.userForm.passwordTitle}
      submitLabel={t.userForm.setPassword}
      onSubmit={async (values) => {
        const body: UpdateUserBody = { password: values.password };
        await api.patch<UserView>(`/users/${user.id}`, body);
        form.reset({ password: '' });
        return t.userForm.passwordSaved;
      }}
    >
      <TextField form={form} name="password" label={t.userForm.newPassword} required type="password" hint={t.userForm.passwordHint} autoComplete="new-password" />
    </Form>
  );
}

/** One account: name, role, branches; block or unblock; a new password. */
export function UserEditPage({ id }: { id: number }) {
  const me = useMe();
  const { data: user, error, loading, reload } = useApi<UserView>(`/users/${id}`);
  const access = useDisclosure();
  const f = t.userForm;

  if (error) return <ErrorBox error={error} />;
  if (!user || (loading && user.id !== id)) return <Loading />;
  const isSelf = user.id === me.userId;

  const setActive = async (isActive: boolean) => {
    const body: UpdateUserBody = { isActive };
    await api.patch<UserView>(`/users/${user.id}`, body);
    access.done(isActive ? f.unblocked : f.blocked);
    reload();
  };

  return (
    <>
      <p className="breadcrumbs"><Link href="/users">{t.users.back}</Link></p>
      <h1>{user.fullName}</h1>
      <p className="status-line">
        <span>{t.users.columns.login}: <strong>{user.login}</strong></span>
        <span>{roleLabels[user.role]}</span>
        <span className={`badge ${user.isActive ? 'badge-ok' : 'badge-closed'}`}>{user.isActive ? t.users.active : t.users.blocked}</span>
      </p>
      <div className="columns">
        <section aria-labelledby="user-profile">
          <div className="section-title">
            <h2 id="user-profile">{f.editTitle}</h2>
          </div>
          <ProfileForm user={user} onSaved={reload} />
        </section>
        <div>
          <section aria-labelledby="user-access">
            <div className="section-title">
              <h2 id="user-access">{f.access}</h2>
            </div>
            <Notice message={access.notice} />
            <p>{user.isActive ? f.isActive : f.isBlocked}</p>
            {isSelf ? (
              <p className="muted">{f.selfBlock}</p>
            ) : user.isActive ? (
              <ConfirmButton label={f.block} question={f.confirmBlock(user.fullName)} confirmLabel={`${t.confirm.yes}, ${f.block.toLowerCase()}`} danger onConfirm={() => setActive(false)} />
            ) : (
              <ConfirmButton label={f.unblock} question={f.confirmUnblock(user.fullName)} confirmLabel={`${t.confirm.yes}, ${f.unblock.toLowerCase()}`} onConfirm={() => setActive(true)} />
            )}
          </section>
          <section aria-labelledby="user-password">
            <div className="section-title">
              <h2 id="user-password">{f.passwordTitle}</h2>
            </div>
            <PasswordForm user={user} />
          </section>
        </div>
      </div>
    </>
  );
}
