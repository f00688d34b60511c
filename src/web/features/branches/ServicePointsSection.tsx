import { CloseOnDateButton } from '../../components/CloseOnDateButton.js';
import { Notice, useDisclosure } from '../../components/Disclosure.js';
import { Table, type Column } from '../../components/Table.js';
import { api } from '../../lib/api.js';
import type { ServicePointView, UpdateServicePointBody } from '../../lib/contract.js';
import { formatDate } from '../../lib/format.js';
import { servicePointKindLabels, t } from '../../lib/messages.js';
import { ServicePointForm } from './ServicePointForm.js';

interface ServicePointsSectionProps {
  branchId: number;
  points: ServicePointView[];
  canWrite: boolean;
  /** A point was added or changed: the card reloads. */
  onChanged(): void;
}

/** The branch's outreach service points, closed ones greyed at the end; added, changed and closed in place. */
export function ServicePointsSection({ branchId, points, canWrite, onChanged }: ServicePointsSectionProps) {
  const panel = useDisclosure();
  const f = t.servicePoints;
  const c = t.branchCard.servicePointColumns;
  const done = (message: string) => {
    panel.done(message);
    onChanged();
  };

  const columns: Column<ServicePointView>[] = [
    { header: c.name, cell: (point) => point.name },
    { header: c.kind, cell: (point) => servicePointKindLabels[point.kind] },
    { header: c.address, cell: (point) => point.address },
    {
      header: c.dates,
      className: 'nowrap',
      cell: (point) => (
        <>
          {point.openedOn && t.branchCard.since(formatDate(point.openedOn))}
          {point.closedOn && (
            <>
              {point.openedOn && <br />}
              {f.closed(formatDate(point.closedOn))}
            </>
          )}
        </>
      ),
    },
  ];
  if (canWrite) {
    columns.push({
      header: <span className="visually-hidden">{f.actions}</span>,
      className: 'row-actions',
      cell: (point) => (
        <>
          <button type="button" onClick={() => panel.edit(point.id)}>{t.edit}</button>
          {!point.closedOn && (
            <CloseOnDateButton
              question={f.confirmClose(point.name)}
              dateLabel={f.closeDate}
              onConfirm={async (closedOn) => {
                const body: UpdateServicePointBody = { closedOn };
                await api.patch<ServicePointView>(`/service-points/${point.id}`, body);
                done(f.closedNotice(point.name, formatDate(closedOn)));
              }}
            />
          )}
        </>
      ),
    });
  }

  return (
    <section aria-labelledby="branch-points">
      <div className="section-title">
        <h2 id="branch-points">{t.branchCard.servicePoints}</h2>
        {canWrite && !panel.open && <button type="button" onClick={panel.show}>{f.open}</button>}
      </div>
      <Notice message={panel.notice} />
      {panel.open && panel.row === undefined && <ServicePointForm branchId={branchId} onCancel={panel.close} onDone={done} />}
      <Table
        label={t.branchCard.servicePoints}
        columns={columns}
        rows={[...points].sort((a, b) => Number(a.closedOn !== null) - Number(b.closedOn !== null))}
        rowKey={(point) => point.id}
        empty={t.branchCard.noServicePoints}
        rowClassName={(point) => (point.closedOn ? 'row-inactive' : undefined)}
        after={(point) =>
          panel.open && panel.row === point.id && (
            <ServicePointForm branchId={branchId} point={point} onCancel={panel.close} onDone={done} />
          )}
      />
    </section>
  );
}
