import { Link, useLocation, useSearchParams } from 'wouter';
import { Loading } from '../../components/Status.js';
import { api } from '../../lib/api.js';
import type { StaffMemberView } from '../../lib/contract.js';
import { useFlash } from '../../lib/flash.js';
import { t } from '../../lib/messages.js';
import { canWriteBranch } from '../../lib/permissions.js';
import { useMe } from '../../lib/session.js';
import { branchOptions, useAllBranches } from '../branches/use-branches.js';
import { StaffForm, staffValues } from './StaffForm.js';

export function StaffCreatePage() {
  const me = useMe();
  const [params] = useSearchParams();
  const [, navigate] = useLocation();
  const flash = useFlash();
  const branches = useAllBranches();
  const f = t.staffForm;

  if (!branches) return <Loading />;
  const options = branchOptions(branches, (branch) => canWriteBranch(me, branch.id));
  // A librarian of one branch, or a link from a branch card, needs no choice.
  const preset = params.get('branch') ?? (options.length === 1 ? options[0]![0] : '');
  const branchId = options.some(([value]) => value === preset) ? preset : '';

  return (
    <>
      <p className="breadcrumbs"><Link href="/staff">{t.staffCard.back}</Link></p>
      <h1>{f.createTitle}</h1>
      <StaffForm
        initial={staffValues(undefined, branchId)}
        branchOptions={options}
        label={f.createTitle}
        submitLabel={f.submitCreate}
        send={async (body) => {
          const member = await api.post<StaffMemberView>('/staff', body);
          flash(f.created(member.fullName), `/staff/${member.id}`);
          navigate(`/staff/${member.id}`);
          return undefined;
        }}
      />
    </>
  );
}
