import { Link, useLocation, useSearch } from 'wouter';
import { t } from '../../lib/messages.js';

const TABS = [
  { href: '/achievements', label: t.achievements.tabs.competitions, matches: (path: string) => path === '/achievements' || path.startsWith('/achievements/competitions') },
  { href: '/achievements/summary', label: t.achievements.tabs.summary, matches: (path: string) => path === '/achievements/summary' },
  { href: '/achievements/records', label: t.achievements.tabs.records, matches: (path: string) => path === '/achievements/records' },
];

/** The pages of the achievements section; the year chosen on one is kept on the others. */
export function AchievementsTabs() {
  const [location] = useLocation();
  const year = new URLSearchParams(useSearch()).get('year');
  return (
    <nav className="tabs" aria-label={t.achievements.tabsLabel}>
      {TABS.map(({ href, label, matches }) => (
        <Link key={href} href={year ? `${href}?year=${year}` : href} aria-current={matches(location) ? 'page' : undefined}>{label}</Link>
      ))}
    </nav>
  );
}
