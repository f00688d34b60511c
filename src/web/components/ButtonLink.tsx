import { useLocation } from 'wouter';

/** A button that opens a page of the app (a form): reads as an action, as staff expect of «Открыть филиал». */
export function ButtonLink({ href, children, primary }: { href: string; children: string; primary?: boolean }) {
  const [, navigate] = useLocation();
  return (
    <button type="button" className={primary ? 'primary' : undefined} onClick={() => navigate(href)}>
      {children}
    </button>
  );
}
