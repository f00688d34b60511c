import type { ReactNode } from 'react';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { Notice, useDisclosure } from '../../components/Disclosure.js';
import { Filters, SelectFilter, yearOptions } from '../../components/filters.js';
import { Pager } from '../../components/Pager.js';
import { ErrorBox, Loading } from '../../components/Status.js';
import { Table, type Column } from '../../components/Table.js';
import { api } from '../../lib/api.js';
import type { ConferenceParticipationView, HonourView, JuryMembershipView, Paged, ParticipantView } from '../../lib/contract.js';
import { formatDate } from '../../lib/format.js';
import { competitionLevelLabels, t } from '../../lib/messages.js';
import { canRecordAchievements, canRecordForBranches } from '../../lib/permissions.js';
import { useMe } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { pageOf, useUrlQuery } from '../../lib/url-query.js';
import { branchOptions, useAllBranches } from '../branches/use-branches.js';
import { AchievementsTabs } from './AchievementsTabs.js';
import { ConferenceForm } from './ConferenceForm.js';
import { HonourForm } from './HonourForm.js';
import { JuryForm } from './JuryForm.js';
import { participantNames } from './participant-pickers.js';

const PAGE_SIZE = 50;
const FILTERS = ['year', 'branch', 'juryPage', 'conferencePage', 'honourPage'] as const;
type PageKey = 'juryPage' | 'conferencePage' | 'honourPage';

interface RecordSectionProps<T> {
  id: string;
  title: string;
  none: string;
  path: string;
  pageKey: PageKey;
  columns: Column<T>[];
  /** Whose branches a record concerns (who may remove it). */
  participants(record: T): ParticipantView[];
  /** What the removal question calls the record. */
  name(record: T): string;
  form(done: (message: string) => void, cancel: () => void): ReactNode;
}

/** One kind of record: its list for the year and branch, the form that adds one, removal of a mistaken one. */
function RecordSection<T extends { id: number }>({ id, title, none, path, pageKey, columns, participants, name, form }: RecordSectionProps<T>) {
  const me = useMe();
  const [filters, setFilters] = useUrlQuery(FILTERS);
  const adding = useDisclosure();
  const { data, error, loading, reload } = useApi<Paged<T>>(path, {
    year: filters.year || undefined, branch: filters.branch || undefined, page: pageOf(filters[pageKey]), pageSize: PAGE_SIZE,
  });
  const r = t.records;
  const done = (message: string) => {
    adding.done(message);
    reload();
  };
  const removal: Column<T> = {
    header: <span className="visually-hidden">{t.achievements.actions}</span>,
    className: 'record-actions',
    cell: (record) => canRecordForBranches(me, [...new Set(participants(record).map((p) => p.branchId))]) && (
      <ConfirmButton
        label={t.achievements.remove}
        question={r.confirmRemove(name(record))}
        confirmLabel={t.achievements.confirmRemoveButton}
        danger
        onConfirm={async () => {
          await api.delete(`${path}/${record.id}`);
          done(r.removed);
        }}
      />
    ),
  };
  return (
    <section aria-labelledby={id}>
      <div className="section-title">
        <h2 id={id}>{title}</h2>
        {canRecordAchievements(me) && !adding.open && <button type="button" onClick={adding.show}>{r.add}</button>}
      </div>
      <Notice message={adding.notice} />
      {adding.open && form(done, adding.close)}
      {error && <ErrorBox error={error} />}
      {!data && loading && <Loading />}
      {data && (
        <>
          <Table label={title} rows={data.items} rowKey={(record) => record.id} empty={none} busy={loading} columns={[...columns, removal]} />
          <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={(page) => setFilters({ [pageKey]: String(page) })} />
        </>
      )}
    </section>
  );
}

/** Jury work, conference participation and honours of a year, each with its list and form. */
export function RecordsPage() {
  const branches = useAllBranches();
  const [filters, setFilters] = useUrlQuery(FILTERS);
  const formYear = filters.year || String(new Date().getFullYear());
  // A new year or branch starts every list from its first page.
  const refilter = (patch: { year?: string; branch?: string }) => setFilters({ ...patch, juryPage: '', conferencePage: '', honourPage: '' });
  const a = t.achievements;
  const r = t.records;
  const c = r.columns;
  const level = { header: c.level, cell: (record: { level: keyof typeof competitionLevelLabels }) => competitionLevelLabels[record.level], className: 'nowrap' };
  const year = { header: c.year, cell: (record: { year: number }) => record.year, className: 'num' };

  return (
    <>
      <AchievementsTabs />
      <h1>{r.title}</h1>
      <Filters label={r.filters} onReset={() => refilter({ year: '', branch: '' })}>
        <SelectFilter label={a.year} value={filters.year} options={[['', a.allYears], ...yearOptions()]} onChange={(value) => refilter({ year: value })} />
        <SelectFilter
          label={a.branch}
          value={filters.branch}
          options={[['', a.allBranches], ...branchOptions(branches ?? [])]}
          onChange={(branch) => refilter({ branch })}
        />
      </Filters>

      <RecordSection<JuryMembershipView>
        id="records-jury"
        title={r.jury}
        none={r.juryNone}
        path="/jury-memberships"
        pageKey="juryPage"
        participants={(jury) => jury.members}
        name={(jury) => jury.competitionName}
        columns={[
          { header: c.competition, cell: (jury) => (<>{jury.competitionName}{jury.organiser && <div className="muted small">{jury.organiser}</div>}</>) },
          level,
          year,
          { header: c.members, cell: (jury) => participantNames(jury.members) },
        ]}
        form={(done, cancel) => <JuryForm year={formYear} onDone={done} onCancel={cancel} />}
      />

      <RecordSection<ConferenceParticipationView>
        id="records-conferences"
        title={r.conferences}
        none={r.conferencesNone}
        path="/conferences"
        pageKey="conferencePage"
        participants={(conference) => conference.participants}
        name={(conference) => conference.conferenceName}
        columns={[
          { header: c.conference, cell: (conference) => (<>{conference.conferenceName}{conference.organiser && <div className="muted small">{conference.organiser}</div>}</>) },
          level,
          { header: c.date, cell: (conference) => formatDate(conference.heldOn) || conference.year, className: 'nowrap' },
          { header: c.talk, cell: (conference) => conference.talkTitle },
          { header: c.participants, cell: (conference) => participantNames(conference.participants) },
        ]}
        form={(done, cancel) => <ConferenceForm year={formYear} onDone={done} onCancel={cancel} />}
      />

      <RecordSection<HonourView>
        id="records-honours"
        title={r.honours}
        none={r.honoursNone}
        path="/honours"
        pageKey="honourPage"
        participants={(honour) => honour.recipients}
        name={(honour) => honour.title}
        columns={[
          { header: c.honour, cell: (honour) => honour.title },
          { header: c.from, cell: (honour) => honour.fromOrganisation },
          { header: c.date, cell: (honour) => formatDate(honour.receivedOn) || honour.year, className: 'nowrap' },
          { header: c.reason, cell: (honour) => honour.reason },
          { header: c.recipients, cell: (honour) => participantNames(honour.recipients) },
        ]}
        form={(done, cancel) => <HonourForm year={formYear} onDone={done} onCancel={cancel} />}
      />
    </>
  );
}
