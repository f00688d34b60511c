import type { ReactNode } from 'react';
import { Link, useLocation, useRoute } from 'wouter';
import type { NetworkView } from '../lib/contract.js';
import { FlashMessage } from '../lib/flash.js';
import { roleLabels, t } from '../lib/messages.js';
import { canCompileNetworkRecords, isAdmin } from '../lib/permissions.js';
import { useMe, useSession } from '../lib/session.js';
import { useApi } from '../lib/use-api.js';

function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const [active] = useRoute(`${href}/*?`);
  return (
    <Link href={href} className={active ? 'active' : undefined} aria-current={active ? 'page' : undefined}>
      {children}
    </Link>
  );
}

/** The frame of every page after sign-in: network name, sections, the user and logout. */
export function Layout({ children }: { children: ReactNode }) {
  const me = useMe();
  const { logOut } = useSession();
  const [, navigate] = useLocation();
  const { data: network } = useApi<NetworkView>('/network');

  return (
    <>
      <a className="skip-link" href="#main">{t.skipToContent}</a>
      <header className="app-header">
        <div className="brand">
          <span className="app-name">{t.appName}</span>
          <span className="network-name" title={network?.fullName}>{network?.name ?? ''}</span>
        </div>
        <nav aria-label={t.header.navLabel} className="main-nav">
          <NavLink href="/branches">{t.header.branches}</NavLink>
          <NavLink href="/staff">{t.header.staff}</NavLink>
          <NavLink href="/events">{t.events.nav}</NavLink>
          <NavLink href="/achievements">{t.header.achievements}</NavLink>
          <NavLink href="/catalogue">{t.catalogue.nav}</NavLink>
          {canCompileNetworkRecords(me) && <NavLink href="/imports/report-text">{t.reportImport.nav}</NavLink>}
          {isAdmin(me) && <NavLink href="/users">{t.header.users}</NavLink>}
          {isAdmin(me) && <NavLink href="/audit">{t.header.audit}</NavLink>}
          <a href="/api/docs" target="_blank" rel="noreferrer" title={t.header.apiDocsTitle}>{t.header.apiDocs}</a>
        </nav>
        <div className="user">
          <span className="user-name">{me.fullName}</span>
          <span className="user-role">{roleLabels[me.role]}</span>
          <button
            type="button"
            onClick={() => {
              void logOut().then(() => navigate('/login'));
            }}
          >
            {t.header.logout}
          </button>
        </div>
      </header>
      <main id="main" className="page">
        <FlashMessage />
        {children}
      </main>
    </>
  );
}
