import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { useLocation } from 'wouter';

interface Flash {
  message: string;
  /** The page the message belongs to: it disappears once the user goes elsewhere. */
  path: string;
}

interface FlashState {
  flash: Flash | undefined;
  /** Shows a success message on the page the user is sent to (after a create). */
  show(message: string, path: string): void;
}

const FlashContext = createContext<FlashState | null>(null);

export function FlashProvider({ children }: { children: ReactNode }) {
  const [flash, setFlash] = useState<Flash>();
  const value = useMemo<FlashState>(() => ({ flash, show: (message, path) => setFlash({ message, path }) }), [flash]);
  return <FlashContext.Provider value={value}>{children}</FlashContext.Provider>;
}

export function useFlash(): FlashState['show'] {
  const state = useContext(FlashContext);
  if (!state) throw new Error('useFlash outside FlashProvider');
  return state.show;
}

/** The pending success message, if it belongs to the current page. */
export function FlashMessage() {
  const state = useContext(FlashContext);
  const [location] = useLocation();
  if (!state?.flash || state.flash.path !== location) return null;
  return <p className="notice notice-success" role="status">{state.flash.message}</p>;
}
