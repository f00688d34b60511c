import { Link, useLocation } from 'wouter';
import { CheckboxField, optionsOf, SelectField, TextAreaField, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { api } from '../../lib/api.js';
import type { BasisKind, BranchType, BranchView, CreateBranchBody } from '../../lib/contract.js';
import { useFlash } from '../../lib/flash.js';
import { numberOrNull, useForm, withoutEmpty } from '../../lib/form.js';
import { basisKindLabels, branchTypeLabels, t } from '../../lib/messages.js';
import { ContactFields, contactValues } from './BranchContactsForm.js';

export function BranchCreatePage() {
  const [, navigate] = useLocation();
  const flash = useFlash();
  const form = useForm({
    code: '',
    name: '',
    type: 'rural',
    isPublicAccessCentre: false,
    isModel: false,
    ...contactValues(undefined),
    openedOn: '',
    basisKind: '',
    basis: '',
  });
  const f = t.branchForm;

  return (
    <>
      <p className="breadcrumbs"><Link href="/branches">{t.branchCard.back}</Link></p>
      <h1>{f.title}</h1>
      <Form
        form={form}
        label={f.title}
        submitLabel={f.submit}
        className="form-grid"
        onSubmit={async (values) => {
          const body: CreateBranchBody = {
            code: values.code.trim(),
            name: values.name,
            type: values.type as BranchType,
            isPublicAccessCentre: values.isPublicAccessCentre,
            isModel: values.isModel,
            settlement: values.settlement,
            address: values.address,
            phone: values.phone,
            email: values.email.trim(),
            openingHours: values.openingHours,
            workingDays: values.workingDays,
            populationServed: numberOrNull(values.populationServed),
            openedOn: values.openedOn,
            basisKind: values.basisKind as BasisKind,
            basis: values.basis,
          };
          const branch = await api.post<BranchView>('/branches', withoutEmpty(body, 'openedOn'));
          flash(f.created(branch.name), `/branches/${branch.id}`);
          navigate(`/branches/${branch.id}`);
          return undefined;
        }}
      >
        <fieldset>
          <legend>{t.branchCard.details}</legend>
          <TextField form={form} name="name" label={f.name} required wide />
          <TextField form={form} name="code" label={f.code} required hint={f.codeHint} />
          <SelectField form={form} name="type" label={f.type} required options={optionsOf(branchTypeLabels)} />
          <CheckboxField form={form} name="isPublicAccessCentre" label={t.branches.publicAccessCentreFull} />
          <CheckboxField form={form} name="isModel" label={t.branches.modelFull} />
          <TextField form={form} name="openedOn" label={f.openedOn} required type="date" />
          <SelectField form={form} name="basisKind" label={f.basisKind} options={optionsOf(basisKindLabels)} />
          <TextAreaField form={form} name="basis" label={f.basis} hint={f.basisHint} />
        </fieldset>
        <fieldset>
          <legend>{f.contactsTitle}</legend>
          <ContactFields form={form} />
        </fieldset>
      </Form>
    </>
  );
}
