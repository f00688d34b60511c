import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { Field } from '../../components/Field.js';
import { ErrorBox, Loading } from '../../components/Status.js';
import { ApiError, api } from '../../lib/api.js';
import type {
  ConfirmReportTextResult, ImportProposal, Paged, ReportTextProposals, ReviewedProposal, StaffMemberView,
} from '../../lib/contract.js';
import { fieldLabels, t } from '../../lib/messages.js';
import { canCompileNetworkRecords } from '../../lib/permissions.js';
import { useMe } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { branchOptions, useAllBranches } from '../branches/use-branches.js';
import { ProposalCard, type Choices } from './ProposalCard.js';
import { errorsByProposal, groupProposals, startReview } from './review.js';

const r = t.reportImport;

/** Proposal fields as the reviewer sees them in error messages. */
const proposalFieldLabels: Record<string, string> = {
  competition: r.competition, level: r.level, nomination: r.nomination, workTitle: r.workTitle, participant: r.participant,
  'participant.readerName': r.readerName, results: r.results, name: r.name, title: r.honourTitle, branchIds: r.branches,
  staffMemberIds: r.staff, course: r.course, finishedOn: r.finishedOn, topic: r.seminarTopic, heldOn: r.heldOn, attendeeStaffIds: r.attendees,
};
const labelOf = (field: string) => proposalFieldLabels[field] ?? proposalFieldLabels[field.split('.')[0]!] ?? fieldLabels[field] ?? field;

function PasteForm({ onParsed }: { onParsed(result: ReportTextProposals): void }) {
  const [text, setText] = useState('');
  const [year, setYear] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ApiError>();
  const parse = async () => {
    setSending(true);
    setError(undefined);
    try {
      onParsed(await api.post<ReportTextProposals>('/imports/report-text', { text, ...(year ? { year: Number(year) } : {}) }));
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : new ApiError(0, t.unexpectedError, String(failure)));
    } finally {
      setSending(false);
    }
  };
  return (
    <form className="form" noValidate aria-label={r.title} onSubmit={(event) => { event.preventDefault(); void parse(); }}>
      <p className="muted">{r.intro}</p>
      <Field label={r.text} required hint={r.textHint} errors={error?.errorsOf('text')} wide>
        {(binding) => <textarea {...binding} className="report-text" rows={14} value={text} onChange={(event) => setText(event.target.value)} />}
      </Field>
      <Field label={r.year} hint={r.yearHint} errors={error?.errorsOf('year')}>
        {(binding) => <input {...binding} type="number" min={1900} max={2100} value={year} onChange={(event) => setYear(event.target.value)} />}
      </Field>
      {error && error.errors.length === 0 && <div className="notice notice-error" role="alert">{error.detail}</div>}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={sending} aria-busy={sending || undefined}>{r.parse}</button>
        {sending && <span className="muted">{r.parsing}</span>}
      </div>
    </form>
  );
}

function Review({ parsed, choices, onSaved, onRestart }: {
  parsed: ReportTextProposals; choices: Choices; onSaved(result: ConfirmReportTextResult, year: number): void; onRestart(): void;
}) {
  const [rows, setRows] = useState<ReviewedProposal[]>(() => startReview(parsed.proposals));
  const [error, setError] = useState<ApiError>();
  const groups = useMemo(() => groupProposals(parsed.proposals as ImportProposal[]), [parsed]);
  const year = parsed.year ?? new Date().getFullYear();
  const accepted = rows.filter((row) => row.accepted).length;
  const errors = errorsByProposal(error?.errors ?? [], labelOf);
  const update = (index: number) => (patch: Partial<ReviewedProposal>) =>
    setRows((previous) => previous.map((row, i) => (i === index ? { ...row, ...patch } as ReviewedProposal : row)));
  const repeatedWords = parsed.repeatedPassages.reduce((sum, p) => sum + p.words, 0);

  if (rows.length === 0) {
    return (
      <>
        <p className="empty">{r.none}</p>
        <button type="button" onClick={onRestart}>{r.again}</button>
      </>
    );
  }
  return (
    <section aria-labelledby="import-review">
      <div className="section-title">
        <h2 id="import-review">{r.review} — {year}</h2>
        <span className="muted" role="status">{r.counts(rows.length, accepted)}</span>
      </div>
      {parsed.repeatedPassages.length > 0 && (
        <details className="repeated">
          <summary>{r.repeated(parsed.repeatedPassages.length, repeatedWords)}</summary>
          {parsed.repeatedPassages.map((p, i) => <blockquote key={i} className="proposal-source">{p.text}</blockquote>)}
        </details>
      )}
      <div className="toolbar">
        <button type="button" onClick={() => setRows((all) => all.map((row) => ({ ...row, accepted: true })))}>{r.acceptAll}</button>
        <button type="button" onClick={() => setRows((all) => all.map((row) => ({ ...row, accepted: false })))}>{r.rejectAll}</button>
      </div>
      {groups.map((group) => (
        <section key={group.title} className="proposal-group" aria-label={group.title}>
          <h3>{group.title}</h3>
          {group.indexes.map((index) => (
            <ProposalCard key={rows[index]!.key} proposal={rows[index]!} errors={errors.get(index) ?? []} update={update(index)} choices={choices} />
          ))}
        </section>
      ))}
      {error && <div className="notice notice-error" role="alert">{errors.size ? r.fix : error.detail}</div>}
      <div className="form-actions sticky-actions">
        <ConfirmButton
          label={r.save(accepted)}
          question={r.confirmSave(accepted, year)}
          confirmLabel={r.confirmSaveButton}
          onConfirm={async () => {
            setError(undefined);
            try {
              onSaved(await api.post<ConfirmReportTextResult>('/imports/report-text/confirm', { year, proposals: rows }), year);
            } catch (failure) {
              if (failure instanceof ApiError) setError(failure);
              throw failure;
            }
          }}
        />
        <button type="button" onClick={onRestart}>{t.cancel}</button>
      </div>
    </section>
  );
}

function Summary({ result, year, onRestart }: { result: ConfirmReportTextResult; year: number; onRestart(): void }) {
  return (
    <section aria-labelledby="import-saved">
      <h2 id="import-saved">{r.savedTitle}</h2>
      <p className="notice notice-success" role="status">{r.savedCount(result.saved.length)}</p>
      <ul className="saved-list">
        {result.saved.map((record) => (
          <li key={`${record.kind}-${record.id}`}>
            <span className="badge badge-info">{r.savedKinds[record.kind]}</span>{' '}
            {record.kind === 'competition' ? <Link href={`/achievements/competitions/${record.id}`}>{record.label}</Link> : record.label}
          </li>
        ))}
      </ul>
      <p>
        <Link href={`/achievements/summary?year=${year}`}>{r.openSummary(year)}</Link>
      </p>
      <button type="button" onClick={onRestart}>{r.again}</button>
    </section>
  );
}

/** «Импорт из текста отчёта»: paste → review every proposal → save the accepted ones → what was saved. */
export function ReportImportPage() {
  const me = useMe();
  const branches = useAllBranches();
  const staff = useApi<Paged<StaffMemberView>>('/staff', { pageSize: 500 });
  const [parsed, setParsed] = useState<ReportTextProposals>();
  const [saved, setSaved] = useState<{ result: ConfirmReportTextResult; year: number }>();
  const choices = useMemo<Choices | undefined>(() => {
    if (!branches || !staff.data) return undefined;
    const people = [...staff.data.items].sort((a, b) => a.fullName.localeCompare(b.fullName, 'ru'));
    return {
      branches: branchOptions(branches),
      staff: people.map((s) => [String(s.id), `${s.fullName} (${s.branchName})`] as const),
      staffBranch: (id) => people.find((s) => s.id === id)?.branchId ?? null,
    };
  }, [branches, staff.data]);

  if (!canCompileNetworkRecords(me)) return <div className="notice notice-error" role="alert">{r.noAccess}</div>;
  if (staff.error) return <ErrorBox error={staff.error} />;
  const restart = () => {
    setParsed(undefined);
    setSaved(undefined);
  };
  return (
    <>
      <div className="page-title"><h1>{r.title}</h1></div>
      {saved ? <Summary result={saved.result} year={saved.year} onRestart={restart} />
        : parsed ? (choices ? <Review parsed={parsed} choices={choices} onRestart={restart} onSaved={(result, year) => setSaved({ result, year })} /> : <Loading />)
          : <PasteForm onParsed={setParsed} />}
    </>
  );
}
