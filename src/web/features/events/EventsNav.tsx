import { Link, useLocation } from 'wouter';
import { t } from '../../lib/messages.js';
import { isAdmin } from '../../lib/permissions.js';
import { useMe } from '../../lib/session.js';
import './events.css';

/** The event pages themselves: the list, a new event, an event's card. */
const EVENT_PAGES = /^\/events(\/new|\/\d+)?$/;

function Tab({ href, children }: { href: string; children: string }) {
  const [location] = useLocation();
  const active = href === '/events' ? EVENT_PAGES.test(location) : location === href || location.startsWith(`${href}/`);
  return (
    <Link href={href} className={active ? 'active' : undefined} aria-current={active ? 'page' : undefined}>{children}</Link>
  );
}

/**
 * The sections of the cultural work, under one entry of the main menu so that the header
 * still fits a 1366-pixel screen.
 */
export function EventsNav() {
  const me = useMe();
  const tabs = t.events.tabs;
  return (
    <nav className="subnav" aria-label={t.events.areaLabel}>
      <Tab href="/events">{tabs.events}</Tab>
      <Tab href="/events/plan">{tabs.plan}</Tab>
      <Tab href="/events/statistics">{tabs.statistics}</Tab>
      <Tab href="/events/campaigns">{tabs.campaigns}</Tab>
      <Tab href="/events/partners">{tabs.partners}</Tab>
      {isAdmin(me) && <Tab href="/events/dictionaries">{tabs.dictionaries}</Tab>}
    </nav>
  );
}
