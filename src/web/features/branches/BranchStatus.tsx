import type { BranchEventView, BranchView } from '../../lib/contract.js';
import { formatDate, today } from '../../lib/format.js';
import { fieldLabel, formatFieldValue, isChange } from '../../lib/format-field.js';
import { t } from '../../lib/messages.js';

/** ЦОД and «модельная» badges. */
export function BranchFlags({ branch, full }: { branch: Pick<BranchView, 'isPublicAccessCentre' | 'isModel'>; full?: boolean }) {
  return (
    <>
      {branch.isPublicAccessCentre && (
        <span className="badge badge-info" title={t.branches.publicAccessCentreFull}>
          {full ? t.branches.publicAccessCentreFull : t.branches.publicAccessCentre}
        </span>
      )}
      {branch.isModel && <span className="badge badge-info">{full ? t.branches.modelFull : t.branches.model}</span>}
    </>
  );
}

/** A branch entered ahead of its opening: it has not worked yet. */
export const opensLater = (branch: BranchView) => branch.openedOn !== null && branch.openedOn > today();

/** «Работает», «Ликвидирована 01.03.2023» or «Откроется 01.09.2026», impossible to miss. */
export function BranchState({ branch }: { branch: BranchView }) {
  if (branch.isActive) return <span className="badge badge-ok">{t.branches.working}</span>;
  if (branch.liquidatedOn) return <span className="badge badge-closed">{t.branches.liquidatedOn(formatDate(branch.liquidatedOn))}</span>;
  if (opensLater(branch)) return <span className="badge badge-info">{t.branches.opensOn(formatDate(branch.openedOn))}</span>;
  return <span className="badge badge-closed">{t.branches.notWorking}</span>;
}

/** An event's details as lines: «Название: Старое → Новое», «Примечание: …». */
export function EventDetails({ event }: { event: BranchEventView }) {
  const entries = Object.entries(event.details);
  if (entries.length === 0) return null;
  return (
    <ul className="event-details">
      {entries.map(([field, value]) => (
        <li key={field}>
          {fieldLabel(field)}:{' '}
          {isChange(value) ? (
            <>
              {formatFieldValue(field, value.from)} → <strong>{formatFieldValue(field, value.to)}</strong>
            </>
          ) : (
            formatFieldValue(field, value)
          )}
        </li>
      ))}
    </ul>
  );
}
