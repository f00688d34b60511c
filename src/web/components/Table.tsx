import { Fragment, type ReactNode } from 'react';

export interface Column<T> {
  header: ReactNode;
  cell(row: T): ReactNode;
  /** e.g. 'num' for right-aligned figures, 'nowrap' for dates. */
  className?: string;
}

interface TableProps<T> {
  columns: Column<T>[];
  rows: T[];
  rowKey(row: T): string | number;
  /** Shown instead of an empty table. */
  empty: string;
  /** Accessible name of the table. */
  label: string;
  /** True while a newer page is loading: the rows shown are the previous ones. */
  busy?: boolean;
  rowClassName?(row: T): string | undefined;
  /** A full-width row under a row (e.g. its details when expanded). */
  after?(row: T): ReactNode;
  /** A totals row under the rows, one cell per column. */
  footer?: ReactNode[];
}

export function Table<T>({ columns, rows, rowKey, empty, label, busy, rowClassName, after, footer }: TableProps<T>) {
  if (rows.length === 0) return <p className="empty">{empty}</p>;
  return (
    <table className="table" aria-label={label} aria-busy={busy || undefined}>
      <thead>
        <tr>
          {columns.map((column, index) => <th key={index} scope="col" className={column.className}>{column.header}</th>)}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const extra = after?.(row);
          return (
            <Fragment key={rowKey(row)}>
              <tr className={rowClassName?.(row)}>
                {columns.map((column, index) => <td key={index} className={column.className}>{column.cell(row)}</td>)}
              </tr>
              {extra && (
                <tr className="row-details">
                  <td colSpan={columns.length}>{extra}</td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
      {footer && (
        <tfoot>
          <tr>{footer.map((cell, index) => <td key={index} className={columns[index]?.className}>{cell}</td>)}</tr>
        </tfoot>
      )}
    </table>
  );
}
