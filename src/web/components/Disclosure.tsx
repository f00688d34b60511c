import { useState } from 'react';

export interface DisclosureState {
  open: boolean;
  /** The message of the last completed action (shown after the panel closes). */
  notice: string | undefined;
  show(): void;
  close(): void;
  /** The action succeeded: close the panel and say so. */
  done(message: string): void;
}

/** A panel (usually a form) opened by a button, which reports its success after closing. */
export function useDisclosure(): DisclosureState {
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<string>();
  return {
    open,
    notice,
    show: () => {
      setNotice(undefined);
      setOpen(true);
    },
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
