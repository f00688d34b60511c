import type { ReactNode } from 'react';
import { Field } from '../../components/Field.js';
import { optionsOf, type Options } from '../../components/fields.js';
import type { ImportLevel, ImportResultKind, ProposedResult, ReviewedProposal, TrainingTopic } from '../../lib/contract.js';
import { competitionLevelLabels, awardResultLabels, t, trainingTopicLabels } from '../../lib/messages.js';
import { PickList } from './PickList.js';
import { participantFrom, participantValue } from './review.js';

/** What the editors choose from: the network's branches and staff, as select options. */
export interface Choices {
  branches: Options;
  staff: Options;
  staffBranch(id: number): number | null;
}

type Of<K extends ReviewedProposal['kind']> = Extract<ReviewedProposal, { kind: K }>;
type Update<P> = (patch: Partial<P>) => void;

const r = t.reportImport;
const RANKED: ImportResultKind[] = ['place', 'diploma'];
const MONEY: ImportResultKind[] = ['monetary', 'grant'];

function TextInput({ label, value, onChange, wide, type = 'text' }: { label: string; value: string; onChange(value: string): void; wide?: boolean; type?: 'text' | 'date' }) {
  return (
    <Field label={label} wide={wide}>
      {(binding) => <input {...binding} type={type} value={value} onChange={(event) => onChange(event.target.value)} />}
    </Field>
  );
}

function LevelSelect({ value, onChange }: { value: ImportLevel | null; onChange(level: ImportLevel | null): void }) {
  return (
    <Field label={r.level}>
      {(binding) => (
        <select {...binding} value={value ?? ''} onChange={(event) => onChange((event.target.value || null) as ImportLevel | null)}>
          <option value="">{r.chooseLevel}</option>
          {optionsOf(competitionLevelLabels).map(([level, label]) => <option key={level} value={level}>{label}</option>)}
        </select>
      )}
    </Field>
  );
}

function ResultsEditor({ results, onChange }: { results: ProposedResult[]; onChange(results: ProposedResult[]): void }) {
  const set = (index: number, patch: Partial<ProposedResult>) => onChange(results.map((result, i) => (i === index ? { ...result, ...patch } : result)));
  return (
    <fieldset className="results field-wide">
      <legend>{r.results}</legend>
      {results.length === 0 && <span className="muted small">{r.noResults}</span>}
      {results.map((result, index) => (
        <div className="result-row" key={index}>
          <select aria-label={`${r.result} ${index + 1}`} value={result.result} onChange={(event) => {
            const kind = event.target.value as ImportResultKind;
            set(index, { result: kind, rank: RANKED.includes(kind) ? (result.rank ?? 1) : null, amountKopecks: MONEY.includes(kind) ? result.amountKopecks : null });
          }}>
            {optionsOf(awardResultLabels).map(([kind, label]) => <option key={kind} value={kind}>{label}</option>)}
          </select>
          {RANKED.includes(result.result) && (
            <select aria-label={`${r.rank} ${index + 1}`} value={result.rank ?? ''} onChange={(event) => set(index, { rank: event.target.value ? Number(event.target.value) : null })}>
              <option value="">—</option>
              {[1, 2, 3].map((rank) => <option key={rank} value={rank}>{rank}</option>)}
            </select>
          )}
          {MONEY.includes(result.result) && (
            <input aria-label={`${r.amount} ${index + 1}`} type="number" min={1} placeholder={r.amount}
              value={result.amountKopecks === null ? '' : result.amountKopecks / 100}
              onChange={(event) => set(index, { amountKopecks: event.target.value ? Math.round(Number(event.target.value) * 100) : null })} />
          )}
          <button type="button" className="link-button" aria-label={`${r.removeResult} ${index + 1}`} onClick={() => onChange(results.filter((_, i) => i !== index))}>×</button>
        </div>
      ))}
      <button type="button" className="link-button" onClick={() => onChange([...results, { result: 'participation_certificate', rank: null, amountKopecks: null, note: '' }])}>
        {r.addResult}
      </button>
    </fieldset>
  );
}

function AwardEditor({ p, update, choices }: { p: Of<'award'>; update: Update<Of<'award'>>; choices: Choices }) {
  const value = participantValue(p.participant);
  return (
    <>
      <TextInput label={r.competition} value={p.competition} onChange={(competition) => update({ competition })} wide />
      <LevelSelect value={p.level} onChange={(level) => update({ level })} />
      <TextInput label={r.nomination} value={p.nomination} onChange={(nomination) => update({ nomination })} />
      <TextInput label={r.workTitle} value={p.workTitle} onChange={(workTitle) => update({ workTitle })} />
      <Field label={r.participant} hint={p.participantText ? r.inText(p.participantText) : undefined} wide>
        {(binding) => (
          <select {...binding} value={value} onChange={(event) => update({ participant: participantFrom(event.target.value, p.participant, choices.staffBranch) })}>
            <option value="">{r.chooseParticipant}</option>
            <optgroup label={r.branchesGroup}>{choices.branches.map(([id, name]) => <option key={id} value={`b:${id}`}>{name}</option>)}</optgroup>
            <optgroup label={r.staffGroup}>{choices.staff.map(([id, name]) => <option key={id} value={`s:${id}`}>{name}</option>)}</optgroup>
            <optgroup label={r.readersGroup}>{choices.branches.map(([id, name]) => <option key={id} value={`r:${id}`}>{r.readerOf(name)}</option>)}</optgroup>
          </select>
        )}
      </Field>
      {p.participant?.kind === 'reader' && (
        <TextInput label={r.readerName} value={p.participant.readerName} onChange={(readerName) => update({ participant: { ...p.participant!, readerName } })} />
      )}
      <ResultsEditor results={p.results} onChange={(results) => update({ results })} />
    </>
  );
}

/** Staff of the branches the text names first, the rest after them. */
function staffFirstFrom(choices: Choices, branchIds: number[]): Options {
  const named = (id: string) => branchIds.includes(choices.staffBranch(Number(id)) ?? 0);
  return [...choices.staff.filter(([id]) => named(id)), ...choices.staff.filter(([id]) => !named(id))];
}

function Editor({ p, update, choices }: { p: ReviewedProposal; update: Update<ReviewedProposal>; choices: Choices }) {
  const staffPick = (selected: number[], onChange: (ids: number[]) => void, label: string = r.staff, suggested: number[] = [], expected: number | null = null) => (
    <PickList label={label} addLabel={r.addStaff} options={suggested.length ? staffFirstFrom(choices, suggested) : choices.staff}
      selected={selected} onChange={onChange} hint={expected ? r.expected(expected) : undefined} />
  );
  const branchPick = (selected: number[], onChange: (ids: number[]) => void) => (
    <PickList label={r.branches} addLabel={r.addBranch} options={choices.branches} selected={selected} onChange={onChange} />
  );
  switch (p.kind) {
    case 'award': return <AwardEditor p={p} update={update as Update<Of<'award'>>} choices={choices} />;
    case 'campaign': return (
      <>
        <TextInput label={r.name} value={p.name} onChange={(name) => update({ name })} wide />
        <LevelSelect value={p.level} onChange={(level) => update({ level })} />
        {branchPick(p.branchIds, (branchIds) => update({ branchIds }))}
      </>
    );
    case 'honour': return (
      <>
        <TextInput label={r.honourTitle} value={p.title} onChange={(title) => update({ title })} />
        <TextInput label={r.fromOrganisation} value={p.fromOrganisation} onChange={(fromOrganisation) => update({ fromOrganisation })} wide />
        <TextInput label={r.reason} value={p.reason} onChange={(reason) => update({ reason })} wide />
        {branchPick(p.branchIds, (branchIds) => update({ branchIds }))}
      </>
    );
    case 'training': return (
      <>
        <TextInput label={r.course} value={p.course} onChange={(course) => update({ course })} wide />
        <Field label={r.topic}>
          {(binding) => (
            <select {...binding} value={p.topic ?? ''} onChange={(event) => update({ topic: (event.target.value || null) as TrainingTopic | null })}>
              <option value="">{r.noTopic}</option>
              {optionsOf(trainingTopicLabels).map(([topic, label]) => <option key={topic} value={topic}>{label}</option>)}
            </select>
          )}
        </Field>
        <TextInput label={r.finishedOn} type="date" value={p.finishedOn ?? ''} onChange={(finishedOn) => update({ finishedOn: finishedOn || null })} />
        {staffPick(p.staffMemberIds, (staffMemberIds) => update({ staffMemberIds }), r.staff, p.suggestedBranchIds, p.expectedCount)}
      </>
    );
    case 'jury': return (
      <>
        <TextInput label={r.competition} value={p.competition} onChange={(competition) => update({ competition })} wide />
        <LevelSelect value={p.level} onChange={(level) => update({ level })} />
        {staffPick(p.staffMemberIds, (staffMemberIds) => update({ staffMemberIds }), r.staff, p.suggestedBranchIds, p.expectedCount)}
      </>
    );
    case 'conference': return (
      <>
        <TextInput label={r.name} value={p.name} onChange={(name) => update({ name })} wide />
        <LevelSelect value={p.level} onChange={(level) => update({ level })} />
        {branchPick(p.branchIds, (branchIds) => update({ branchIds }))}
        {staffPick(p.staffMemberIds, (staffMemberIds) => update({ staffMemberIds }))}
      </>
    );
    case 'seminar': return (
      <>
        <TextInput label={r.seminarTopic} value={p.topic} onChange={(topic) => update({ topic })} wide />
        <TextInput label={r.heldOn} type="date" value={p.heldOn ?? ''} onChange={(heldOn) => update({ heldOn: heldOn || null })} />
        <Field label={r.description} wide>
          {(binding) => <textarea {...binding} rows={3} value={p.description} onChange={(event) => update({ description: event.target.value })} />}
        </Field>
        {staffPick(p.attendeeStaffIds, (attendeeStaffIds) => update({ attendeeStaffIds }), r.attendees)}
      </>
    );
  }
}

/** One proposal under review: accept or reject it, what the text said, what to check, its fields. */
export function ProposalCard({ proposal, errors, update, choices }: {
  proposal: ReviewedProposal; errors: string[]; update: Update<ReviewedProposal>; choices: Choices;
}): ReactNode {
  const label = `${r.accept}: ${proposal.key}`;
  return (
    <article className={`proposal${proposal.accepted ? '' : ' proposal-rejected'}${errors.length ? ' proposal-invalid' : ''}`} aria-label={proposal.key}>
      <header className="proposal-head">
        <label className="proposal-accept">
          <input type="checkbox" aria-label={label} checked={proposal.accepted} onChange={(event) => update({ accepted: event.target.checked })} />
          {r.accept}
        </label>
        <span className={`badge badge-confidence-${proposal.confidence}`}>{r.confidence[proposal.confidence]}</span>
        {!proposal.accepted && <span className="muted small">{r.rejected}</span>}
        {proposal.warnings.length > 0 && <span className="proposal-warnings">{proposal.warnings.join('; ')}</span>}
      </header>
      <blockquote className="proposal-source" title={r.source}>{proposal.source}</blockquote>
      {errors.length > 0 && <ul className="field-error proposal-errors" role="alert">{errors.map((e) => <li key={e}>{e}</li>)}</ul>}
      <div className="form-grid proposal-fields">
        <Editor p={proposal} update={update} choices={choices} />
      </div>
    </article>
  );
}
