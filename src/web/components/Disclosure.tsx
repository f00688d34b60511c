import { useState } from 'react';

export interface DisclosureState {
  open: boolean;
  /** The row of a table the panel is about (opened by edit), undefined when opened by show. */
  row: number | undefined;
  /** The message of the last completed action (shown after the panel closes). */
  notice: string | undefined;
  show(): void;
  /** Opens the panel for one row (its edit form). */
  edit(row: number): void;
  close(): void;
  /** The action succeeded: close the panel and say so. */
  done(message: string): void;
}

/** A panel (usually a form) opened by a button, which reports its success after closing. */
export function useDisclosure(): DisclosureState {
  const [open, setOpen] = useState(false);
  const [row, setRow] = useState<number>();
  const [notice, setNotice] = useState<string>();
  const openFor = (next: number | undefined) => {
    setNotice(undefined);
    setRow(next);
    setOpen(true);
  };
  return {
    open,
    row,
    notice,
    show: () => openFor(undefined),
    edit: openFor,
    close: () => setOpen(false),
    done: (message) => {
      setOpen(false);
      setNotice(message);
    },
  };
}

export function Notice({ message }: { message: string | undefined }) {
  return message ? <p className="notice notice-success" role="status">{message}</p> : null;
}
