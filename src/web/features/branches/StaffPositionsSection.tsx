import { CloseOnDateButton } from '../../components/CloseOnDateButton.js';
import { Notice, useDisclosure } from '../../components/Disclosure.js';
import { ErrorBox, Loading } from '../../components/Status.js';
import { Table, type Column } from '../../components/Table.js';
import { api } from '../../lib/api.js';
import type { StaffPositionListQuery, StaffPositionView, UpdateStaffPositionBody } from '../../lib/contract.js';
import { formatDate, formatDecimal, today } from '../../lib/format.js';
import { t } from '../../lib/messages.js';
import { useApi } from '../../lib/use-api.js';
import { StaffPositionForm } from './StaffPositionForm.js';

/** The branch's establishment posts in force today, with their total; added, corrected and closed in place. */
export function StaffPositionsSection({ branchId, canWrite }: { branchId: number; canWrite: boolean }) {
  const query: StaffPositionListQuery = { branch: branchId, activeOn: today() };
  const { data: posts, error, reload } = useApi<StaffPositionView[]>('/staff-positions', query);
  const panel = useDisclosure();
  const f = t.staffPositions;
  const done = (message: string) => {
    panel.done(message);
    reload();
  };

  const columns: Column<StaffPositionView>[] = [
    { header: f.columns.title, cell: (post) => post.title },
    { header: f.columns.rate, cell: (post) => formatDecimal(post.rate), className: 'num' },
    { header: f.columns.validFrom, cell: (post) => formatDate(post.validFrom), className: 'nowrap' },
    { header: f.columns.validTo, cell: (post) => formatDate(post.validTo) || t.empty, className: 'nowrap' },
  ];
  if (canWrite) {
    columns.push({
      header: <span className="visually-hidden">{f.columns.actions}</span>,
      className: 'row-actions',
      cell: (post) => (
        <>
          <button type="button" onClick={() => panel.edit(post.id)}>{t.edit}</button>
          {!post.validTo && (
            <CloseOnDateButton
              question={f.confirmClose(post.title, formatDecimal(post.rate))}
              dateLabel={f.closeDate}
              onConfirm={async (validTo) => {
                const body: UpdateStaffPositionBody = { validTo };
                await api.patch<StaffPositionView>(`/staff-positions/${post.id}`, body);
                done(f.closedNotice(post.title, formatDate(validTo)));
              }}
            />
          )}
        </>
      ),
    });
  }

  return (
    <section aria-labelledby="branch-posts">
      <div className="section-title">
        <h2 id="branch-posts">{f.title}</h2>
        {canWrite && !panel.open && <button type="button" onClick={panel.show}>{f.open}</button>}
      </div>
      <Notice message={panel.notice} />
      {panel.open && panel.row === undefined && <StaffPositionForm branchId={branchId} onCancel={panel.close} onDone={done} />}
      {error && <ErrorBox error={error} />}
      {!posts && !error && <Loading />}
      {posts && (
        <>
          <Table
            label={f.title}
            columns={columns}
            rows={posts}
            rowKey={(post) => post.id}
            empty={f.none}
            after={(post) =>
              panel.open && panel.row === post.id && (
                <StaffPositionForm branchId={branchId} post={post} onCancel={panel.close} onDone={done} />
              )}
          />
          {posts.length > 0 && <p className="total">{f.total(formatDecimal(posts.reduce((sum, post) => sum + post.rate, 0)))}</p>}
        </>
      )}
    </section>
  );
}
