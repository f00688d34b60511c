import { useState } from 'react';
import { Link } from 'wouter';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { Notice, useDisclosure } from '../../components/Disclosure.js';
import { ErrorBox, Loading } from '../../components/Status.js';
import { Table } from '../../components/Table.js';
import { api } from '../../lib/api.js';
import type { CompetitionView, EntryView } from '../../lib/contract.js';
import { competitionLevelLabels, t } from '../../lib/messages.js';
import { canCompileNetworkRecords, canRecordAchievements, canRecordForBranches, isAdmin } from '../../lib/permissions.js';
import { useMe } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { AchievementsTabs } from './AchievementsTabs.js';
import { AwardForm } from './AwardForm.js';
import { AwardItem } from './AwardItem.js';
import { CompetitionForm, competitionValues } from './CompetitionForm.js';
import { EntryForm } from './EntryForm.js';

/** A competition with its entries and their results: add entries and results, attach the scanned diplomas. */
export function CompetitionCardPage({ id }: { id: number }) {
  const me = useMe();
  const { data: competition, error, loading, reload } = useApi<CompetitionView>(`/competitions/${id}`);
  const editing = useDisclosure();
  const adding = useDisclosure();
  /** The entry whose new-result form is open. */
  const [awardFor, setAwardFor] = useState<number>();
  const c = t.competitions;
  const e = t.entryForm;

  if (error) return <ErrorBox error={error} />;
  if (!competition || (loading && competition.id !== id)) return <Loading />;

  const changed = (message: string) => {
    adding.done(message);
    setAwardFor(undefined);
    reload();
  };
  const entryActions = (entry: EntryView) => canRecordForBranches(me, [entry.branchId]) && (
    <span className="row-actions">
      {awardFor !== entry.id && <button type="button" onClick={() => setAwardFor(entry.id)}>{t.awardForm.open}</button>}
      <ConfirmButton
        label={e.removeEntry}
        question={e.confirmRemoveEntry(entry.participantLabel)}
        confirmLabel={t.achievements.confirmRemoveButton}
        danger
        onConfirm={async () => {
          await api.delete(`/competition-entries/${entry.id}`);
          changed(e.entryRemoved);
        }}
      />
    </span>
  );

  return (
    <>
      <AchievementsTabs />
      <p className="breadcrumbs"><Link href={`/achievements?year=${competition.year}`}>{c.back}</Link></p>
      <div className="page-title">
        <h1>{competition.name}</h1>
        {isAdmin(me) && <Link href={`/audit?entity=competition&entityId=${competition.id}`} className="small">{c.auditLink}</Link>}
      </div>
      <p className="status-line">
        <span className="badge badge-info">{competitionLevelLabels[competition.level]}</span>
        <span>{competition.year}</span>
        {competition.organiser && <span className="muted">{competition.organiser}</span>}
      </p>

      <section aria-labelledby="competition-details">
        <div className="section-title">
          <h2 id="competition-details">{c.details}</h2>
          {canCompileNetworkRecords(me) && !editing.open && <button type="button" onClick={editing.show}>{t.edit}</button>}
        </div>
        <Notice message={editing.notice} />
        {editing.open ? (
          <CompetitionForm
            initial={competitionValues(competition)}
            label={t.competitionForm.editTitle}
            submitLabel={t.save}
            onCancel={editing.close}
            send={async (body) => {
              await api.patch<CompetitionView>(`/competitions/${competition.id}`, body);
              editing.done(t.competitionForm.saved);
              reload();
              return undefined;
            }}
          />
        ) : (
          <dl className="details">
            <div><dt>{c.nominations}</dt><dd>{competition.nominations.length ? competition.nominations.join('; ') : c.noNominations}</dd></div>
            <div className="details-wide"><dt>{c.reportLine}</dt><dd>{competition.text}</dd></div>
          </dl>
        )}
      </section>

      <section aria-labelledby="competition-entries">
        <div className="section-title">
          <h2 id="competition-entries">{c.entries}</h2>
          {canRecordAchievements(me) && !adding.open && <button type="button" onClick={adding.show}>{c.addEntry}</button>}
        </div>
        <Notice message={adding.notice} />
        {adding.open && <EntryForm competition={competition} onCancel={adding.close} onDone={changed} />}
        <Table
          label={c.entries}
          rows={competition.entries}
          rowKey={(entry) => entry.id}
          empty={e.none}
          columns={[
            { header: e.columns.participant, cell: (entry) => entry.participantLabel },
            // Nomination and work only when some entry has them: most competitions have neither.
            ...(competition.entries.some((entry) => entry.nomination) ? [{ header: e.columns.nomination, cell: (entry: EntryView) => entry.nomination }] : []),
            ...(competition.entries.some((entry) => entry.workTitle) ? [{ header: e.columns.work, cell: (entry: EntryView) => entry.workTitle }] : []),
            {
              header: e.columns.results,
              cell: (entry) => (entry.awards.length ? (
                <ul className="awards">
                  {entry.awards.map((award) => (
                    <AwardItem key={award.id} award={award} canWrite={canRecordForBranches(me, [entry.branchId])} onChange={changed} />
                  ))}
                </ul>
              ) : <span className="muted">{e.participation}</span>),
            },
            { header: <span className="visually-hidden">{t.achievements.actions}</span>, cell: entryActions },
          ]}
          after={(entry) => awardFor === entry.id && (
            <AwardForm entryId={entry.id} onCancel={() => setAwardFor(undefined)} onDone={changed} />
          )}
        />
      </section>
    </>
  );
}
