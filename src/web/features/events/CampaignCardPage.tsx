import { Details, type DetailRow } from '../../components/Details.js';
import { Link } from 'wouter';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { Notice, useDisclosure } from '../../components/Disclosure.js';
import { SelectField, TextField, type Options } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { ErrorBox, Loading } from '../../components/Status.js';
import { Table } from '../../components/Table.js';
import { api, ApiError } from '../../lib/api.js';
import type { CampaignCard, CampaignView, ParticipationBody } from '../../lib/contract.js';
import { formatDate } from '../../lib/format.js';
import { useForm } from '../../lib/form.js';
import { campaignKindLabels, competitionLevelLabels, t } from '../../lib/messages.js';
import { canCompileNetworkRecords, canRecordForBranches, isAdmin } from '../../lib/permissions.js';
import { useMe } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { branchOptions, useAllBranches } from '../branches/use-branches.js';
import { CampaignForm, campaignValues } from './CampaignForm.js';
import { EventsNav } from './EventsNav.js';

/** Records a branch's part in the campaign, with a note (a librarian: for their own branch). */
function ParticipationForm({ campaignId, onDone, onCancel }: { campaignId: number; onDone(message: string): void; onCancel(): void }) {
  const me = useMe();
  const branches = useAllBranches();
  if (!branches) return <Loading />;
  const options = branchOptions(branches, (branch) => canRecordForBranches(me, [branch.id]));
  return <ParticipationFields campaignId={campaignId} options={options} onDone={onDone} onCancel={onCancel} />;
}

function ParticipationFields({ campaignId, options, onDone, onCancel }: {
  campaignId: number; options: Options; onDone(message: string): void; onCancel(): void;
}) {
  // A librarian of one branch needs no choice.
  const form = useForm({ branchId: options.length === 1 ? options[0]![0] : '', note: '' });
  const c = t.campaigns;
  return (
    <Form
      form={form}
      label={c.addParticipant}
      submitLabel={c.submitParticipant}
      className="form-grid"
      actions={<button type="button" onClick={onCancel}>{t.cancel}</button>}
      onSubmit={async (values) => {
        const body: ParticipationBody = { branchId: Number(values.branchId), note: values.note };
        try {
          await api.post(`/campaigns/${campaignId}/participations`, body);
        } catch (error) {
          // No branch chosen: the server's words are about a number, the user chose nothing.
          throw !values.branchId && error instanceof ApiError ? error.rewordField('branchId', t.staffForm.chooseBranchError) : error;
        }
        onDone(c.participantSaved);
        return undefined;
      }}
    >
      <SelectField form={form} name="branchId" label={c.participantBranch} required options={[['', c.chooseBranch], ...options]} />
      <TextField form={form} name="note" label={c.participantNote} wide />
    </Form>
  );
}

export function CampaignCardPage({ id }: { id: number }) {
  const me = useMe();
  const { data: campaign, error, loading, reload } = useApi<CampaignCard>(`/campaigns/${id}`);
  const editing = useDisclosure();
  const participating = useDisclosure();
  const c = t.campaigns;

  if (error) return <><EventsNav /><ErrorBox error={error} /></>;
  if (!campaign || (loading && campaign.id !== id)) return <Loading />;
  // Anyone who may record for some branch: their own branches are «some branch».
  const canRecordAny = canRecordForBranches(me, me.branchIds);
  const details: DetailRow[] = [
    [t.campaignForm.kind, campaignKindLabels[campaign.kind]],
    [t.campaignForm.year, String(campaign.year)],
    [t.campaignForm.level, competitionLevelLabels[campaign.level]],
    [c.organiser, campaign.organiser],
    [c.columns.events, String(campaign.eventCount)],
    [c.columns.attendance, campaign.attendance.toLocaleString('ru-RU')],
    [c.description, campaign.description],
  ];

  return (
    <>
      <EventsNav />
      <p className="breadcrumbs"><Link href="/events/campaigns">{c.back}</Link></p>
      <div className="page-title">
        <h1>{campaign.name}</h1>
        {isAdmin(me) && <Link href={`/audit?entity=campaign&entityId=${campaign.id}`} className="small">{t.audit.title}</Link>}
      </div>
      <section aria-labelledby="campaign-details">
        <div className="section-title">
          <h2 id="campaign-details">{c.details}</h2>
          {canCompileNetworkRecords(me) && !editing.open && <button type="button" onClick={editing.show}>{t.edit}</button>}
        </div>
        <Notice message={editing.notice} />
        {editing.open ? (
          <CampaignForm
            initial={campaignValues(campaign)}
            label={t.campaignForm.editTitle}
            submitLabel={t.save}
            onCancel={editing.close}
            send={async (body) => {
              await api.patch<CampaignView>(`/campaigns/${campaign.id}`, body);
              editing.done(t.campaignForm.saved);
              reload();
              return undefined;
            }}
          />
        ) : (
          <Details rows={details} />
        )}
      </section>
      <section aria-labelledby="campaign-branches">
        <div className="section-title">
          <h2 id="campaign-branches">{c.participants}</h2>
          {canRecordAny && !participating.open && <button type="button" onClick={participating.show}>{c.addParticipant}</button>}
        </div>
        <Notice message={participating.notice} />
        {participating.open && (
          <ParticipationForm
            campaignId={campaign.id}
            onCancel={participating.close}
            onDone={(message) => {
              participating.done(message);
              reload();
            }}
          />
        )}
        <Table
          label={c.participants}
          rows={campaign.branches}
          rowKey={(branch) => branch.id}
          empty={c.noParticipants}
          columns={[
            { header: c.participantColumns.branch, cell: (branch) => <Link href={`/branches/${branch.id}`}>{branch.name}</Link> },
            {
              header: c.participantColumns.part,
              cell: (branch) => (
                <>
                  {branch.declared ? <span className="badge badge-ok">{c.declared}</span> : <span className="badge">{c.byEvents}</span>}
                  {branch.note && <div className="small">{branch.note}</div>}
                </>
              ),
            },
            {
              header: c.participantColumns.events,
              cell: (branch) => (branch.events.length === 0 ? <span className="muted">{c.noEvents}</span> : (
                <ul className="plain-list">
                  {branch.events.map((event) => (
                    <li key={event.id}><Link href={`/events/${event.id}`}>{c.eventLine(formatDate(event.startsOn), event.title, event.attendance)}</Link></li>
                  ))}
                </ul>
              )),
            },
            {
              header: <span className="visually-hidden">{c.participantColumns.actions}</span>,
              className: 'row-actions',
              cell: (branch) => branch.declared && canRecordForBranches(me, [branch.id]) && (
                <ConfirmButton
                  label={c.removeParticipant}
                  question={c.confirmRemoveParticipant(branch.name)}
                  confirmLabel={c.confirmRemoveParticipantButton}
                  onConfirm={async () => {
                    await api.delete(`/campaigns/${campaign.id}/participations/${branch.id}`);
                    participating.done(c.participantRemoved);
                    reload();
                  }}
                />
              ),
            },
          ]}
        />
      </section>
    </>
  );
}
