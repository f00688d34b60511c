import type { ReactNode } from 'react';
import { Redirect, Route, Router, Switch, useLocation, useSearch } from 'wouter';
import { Layout } from './components/Layout.js';
import { ErrorBox, Loading } from './components/Status.js';
import { AchievementSummaryPage } from './features/achievements/AchievementSummaryPage.js';
import { CompetitionCardPage } from './features/achievements/CompetitionCardPage.js';
import { CompetitionListPage } from './features/achievements/CompetitionListPage.js';
import { RecordsPage } from './features/achievements/RecordsPage.js';
import { AuditPage } from './features/audit/AuditPage.js';
import { LoginPage } from './features/auth/LoginPage.js';
import { BranchCardPage } from './features/branches/BranchCardPage.js';
import { BranchCreatePage } from './features/branches/BranchCreatePage.js';
import { BranchListPage } from './features/branches/BranchListPage.js';
import { CatalogueCreatePage } from './features/catalogue/CatalogueCreatePage.js';
import { CatalogueEditPage } from './features/catalogue/CatalogueEditPage.js';
import { CatalogueListPage } from './features/catalogue/CatalogueListPage.js';
import { CatalogueRecordPage } from './features/catalogue/CatalogueRecordPage.js';
import { ImportPage } from './features/catalogue/ImportPage.js';
import { CampaignCardPage } from './features/events/CampaignCardPage.js';
import { CampaignListPage } from './features/events/CampaignListPage.js';
import { EventCardPage } from './features/events/EventCardPage.js';
import { EventCreatePage } from './features/events/EventCreatePage.js';
import { EventDictionariesPage } from './features/events/EventDictionariesPage.js';
import { EventListPage } from './features/events/EventListPage.js';
import { EventPlanPage } from './features/events/EventPlanPage.js';
import { EventStatisticsPage } from './features/events/EventStatisticsPage.js';
import { PartnerCardPage } from './features/events/PartnerCardPage.js';
import { PartnerListPage } from './features/events/PartnerListPage.js';
import { ReportImportPage } from './features/imports/ReportImportPage.js';
import { StaffCardPage } from './features/staff/StaffCardPage.js';
import { StaffCreatePage } from './features/staff/StaffCreatePage.js';
import { StaffFiguresPage } from './features/staff/StaffFiguresPage.js';
import { StaffListPage } from './features/staff/StaffListPage.js';
import { SeminarsPage } from './features/staff/SeminarsPage.js';
import { TrainingsPage } from './features/staff/TrainingsPage.js';
import { UserCreatePage } from './features/users/UserCreatePage.js';
import { UserEditPage } from './features/users/UserEditPage.js';
import { UsersPage } from './features/users/UsersPage.js';
import { FlashProvider } from './lib/flash.js';
import { t } from './lib/messages.js';
import { isAdmin } from './lib/permissions.js';
import { SessionProvider, useMe, useSession } from './lib/session.js';

/** The app lives under /app/ (the server serves it there). */
export const BASE = '/app';

/** Sends a signed-out visitor to the login page, remembering where they were going. */
function ToLogin() {
  const [location] = useLocation();
  const search = useSearch();
  const next = location === '/' ? '' : `?next=${encodeURIComponent(location + (search ? `?${search}` : ''))}`;
  return <Redirect to={`/login${next}`} replace />;
}

function AdminOnly({ children }: { children: ReactNode }) {
  const me = useMe();
  return isAdmin(me) ? children : <div className="notice notice-error" role="alert">{t.noAccess}</div>;
}

/** A numeric route parameter, or a "not found" page. */
function withId(render: (id: number) => ReactNode) {
  return (params: { id?: string }) => {
    const id = Number(params.id);
    return Number.isInteger(id) && id > 0 ? render(id) : <div className="notice notice-error" role="alert">{t.notFound}</div>;
  };
}

function SignedInRoutes() {
  return (
    <Layout>
      <Switch>
        <Route path="/branches" component={BranchListPage} />
        <Route path="/branches/new" component={BranchCreatePage} />
        <Route path="/branches/:id">{withId((id) => <BranchCardPage id={id} />)}</Route>
        <Route path="/staff" component={StaffListPage} />
        <Route path="/staff/new" component={StaffCreatePage} />
        <Route path="/staff/figures" component={StaffFiguresPage} />
        <Route path="/staff/trainings" component={TrainingsPage} />
        <Route path="/staff/seminars" component={SeminarsPage} />
        <Route path="/staff/:id">{withId((id) => <StaffCardPage id={id} />)}</Route>
        <Route path="/achievements" component={CompetitionListPage} />
        <Route path="/achievements/summary" component={AchievementSummaryPage} />
        <Route path="/achievements/records" component={RecordsPage} />
        <Route path="/achievements/competitions/:id">{withId((id) => <CompetitionCardPage id={id} />)}</Route>
        <Route path="/events" component={EventListPage} />
        <Route path="/events/new" component={EventCreatePage} />
        <Route path="/events/plan" component={EventPlanPage} />
        <Route path="/events/statistics" component={EventStatisticsPage} />
        <Route path="/events/dictionaries"><AdminOnly><EventDictionariesPage /></AdminOnly></Route>
        <Route path="/events/partners" component={PartnerListPage} />
        <Route path="/events/partners/:id">{withId((id) => <PartnerCardPage id={id} />)}</Route>
        <Route path="/events/campaigns" component={CampaignListPage} />
        <Route path="/events/campaigns/:id">{withId((id) => <CampaignCardPage id={id} />)}</Route>
        <Route path="/events/:id">{withId((id) => <EventCardPage id={id} />)}</Route>
        <Route path="/catalogue" component={CatalogueListPage} />
        <Route path="/catalogue/new" component={CatalogueCreatePage} />
        <Route path="/catalogue/import" component={ImportPage} />
        <Route path="/catalogue/:id/edit">{withId((id) => <CatalogueEditPage id={id} />)}</Route>
        <Route path="/catalogue/:id">{withId((id) => <CatalogueRecordPage id={id} />)}</Route>
        <Route path="/users"><AdminOnly><UsersPage /></AdminOnly></Route>
        <Route path="/users/new"><AdminOnly><UserCreatePage /></AdminOnly></Route>
        <Route path="/users/:id">{withId((id) => <AdminOnly><UserEditPage id={id} /></AdminOnly>)}</Route>
        <Route path="/imports/report-text" component={ReportImportPage} />
        <Route path="/audit"><AdminOnly><AuditPage /></AdminOnly></Route>
        <Route path="/login"><Redirect to="/branches" replace /></Route>
        <Route path="/"><Redirect to="/branches" replace /></Route>
        <Route><div className="notice notice-error" role="alert">{t.notFound}</div></Route>
      </Switch>
    </Layout>
  );
}

function Routes() {
  const { me, bootError, retry } = useSession();
  if (bootError) {
    return (
      <main id="main" className="login-page">
        <ErrorBox error={bootError} />
        <button type="button" onClick={retry}>{t.retry}</button>
      </main>
    );
  }
  if (me === undefined) return <Loading />;
  if (me === null) {
    return (
      <Switch>
        <Route path="/login" component={LoginPage} />
        <Route><ToLogin /></Route>
      </Switch>
    );
  }
  return <SignedInRoutes />;
}

export function App() {
  return (
    <Router base={BASE}>
      <SessionProvider>
        <FlashProvider>
          <Routes />
        </FlashProvider>
      </SessionProvider>
    </Router>
  );
}
