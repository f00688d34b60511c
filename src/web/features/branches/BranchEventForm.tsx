import { useState } from 'react';
import { CheckboxField, optionsOf, SelectField, TextAreaField, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { api } from '../../lib/api.js';
import type { BasisKind, BranchEventBody, BranchEventKind, BranchEventView, BranchType, BranchView } from '../../lib/contract.js';
import { formatDate } from '../../lib/format.js';
import { useForm, withoutEmpty } from '../../lib/form.js';
import { basisKindLabels, branchEventKindLabels, branchTypeLabels, t } from '../../lib/messages.js';

/** A working branch can change or close; a closed one can only (re)open. */
const kindsFor = (branch: BranchView): BranchEventKind[] =>
  branch.isActive ? ['renamed', 'status_changed', 'reorganised', 'liquidated'] : ['opened'];

type EventValues = {
  kind: string;
  occurredOn: string;
  name: string;
  type: string;
  note: string;
  isPublicAccessCentre: boolean;
  isModel: boolean;
  basisKind: string;
  basis: string;
};

/** The body for the chosen kind: each kind carries exactly its own fields. */
function toBody(values: EventValues): BranchEventBody {
  const common = { occurredOn: values.occurredOn, basisKind: values.basisKind as BasisKind, basis: values.basis };
  const kind = values.kind as BranchEventKind;
  switch (kind) {
    case 'renamed':
      return { kind, ...common, name: values.name };
    case 'status_changed':
      return { kind, ...common, isPublicAccessCentre: values.isPublicAccessCentre, isModel: values.isModel };
    case 'reorganised':
      return { kind, ...common, type: values.type as BranchType, note: values.note };
    case 'opened':
    case 'liquidated':
      return { kind, ...common };
  }
}

/**
 * Records a dated event in the branch's history (administrator). Liquidation is asked
 * twice: it ends the branch's counting in every report from that date.
 */
export function BranchEventForm({ branch, onDone, onCancel }: { branch: BranchView; onDone(message: string): void; onCancel(): void }) {
  const kinds = kindsFor(branch);
  const form = useForm<EventValues>({
    kind: kinds[0]!,
    occurredOn: '',
    name: branch.name,
    type: branch.type,
    note: '',
    isPublicAccessCentre: branch.isPublicAccessCentre,
    isModel: branch.isModel,
    basisKind: '',
    basis: '',
  });
  const [confirming, setConfirming] = useState(false);
  const f = t.eventForm;
  const kind = form.values.kind as BranchEventKind;

  const send = async (values: EventValues) => {
    await api.post<BranchEventView>(`/branches/${branch.id}/events`, withoutEmpty(toBody(values), 'occurredOn'));
    onDone(f.saved);
    return undefined;
  };

  return (
    <Form
      form={form}
      label={f.title}
      submitLabel={kind === 'liquidated' ? `${branchEventKindLabels.liquidated}…` : f.submit}
      submitHidden={confirming && kind === 'liquidated'}
      className="form-grid"
      onSubmit={async (values) => {
        // Liquidation is sent only from the confirmation below; without a date the server refuses it anyway.
        if (values.kind === 'liquidated' && values.occurredOn) {
          setConfirming(true);
          return undefined;
        }
        return send(values);
      }}
      actions={<button type="button" onClick={onCancel}>{t.cancel}</button>}
    >
      <SelectField
        form={form}
        name="kind"
        label={f.kind}
        required
        options={kinds.map((value) => [value, branchEventKindLabels[value]] as const)}
      />
      <TextField form={form} name="occurredOn" label={f.occurredOn} required type="date" />
      {kind === 'renamed' && <TextField form={form} name="name" label={f.name} required wide />}
      {kind === 'status_changed' && (
        <>
          <CheckboxField form={form} name="isPublicAccessCentre" label={f.isPublicAccessCentre} />
          <CheckboxField form={form} name="isModel" label={f.isModel} />
        </>
      )}
      {kind === 'reorganised' && (
        <>
          <SelectField form={form} name="type" label={f.type} options={optionsOf(branchTypeLabels)} />
          <TextAreaField form={form} name="note" label={f.note} />
        </>
      )}
      <SelectField form={form} name="basisKind" label={f.basisKind} options={optionsOf(basisKindLabels)} />
      <TextAreaField form={form} name="basis" label={f.basis} hint={t.branchForm.basisHint} />
      {confirming && kind === 'liquidated' && (
        <div className="confirm confirm-block" role="alertdialog" aria-label={branchEventKindLabels.liquidated}>
          <p className="confirm-question">{f.confirmLiquidation(branch.name, formatDate(form.values.occurredOn))}</p>
          <button type="button" className="danger" disabled={form.sending} onClick={() => void form.submit(send)}>
            {f.confirmLiquidationButton}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>{t.cancel}</button>
        </div>
      )}
    </Form>
  );
}
