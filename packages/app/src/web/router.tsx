import { Container } from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import type { Me } from '../contract/me.ts';
import { AppLayout } from './components/app-layout.tsx';
import { NotFoundPage } from './components/not-found-page.tsx';
import { PageLoader } from './components/page-loader.tsx';
import { RouteError } from './components/route-error.tsx';
import { AccountPage } from './features/account/account-page.tsx';
import { TwoFactorEnrolmentPage } from './features/account/two-factor-enrolment-page.tsx';
import { AuditPage } from './features/audit/audit-page.tsx';
import { meQueryOptions } from './features/auth/me-query.ts';
import { safeRedirectTarget } from './features/auth/redirect-target.ts';
import { SignInPage } from './features/auth/sign-in-page.tsx';
import { CaseloadPage } from './features/caseload/caseload-page.tsx';
import { CasePage } from './features/cases/case-page.tsx';
import { CasesPage } from './features/cases/cases-page.tsx';
import { ContactPage } from './features/cases/contact-page.tsx';
import { EditCasePage } from './features/cases/edit-case-page.tsx';
import { NewCasePage } from './features/cases/new-case-page.tsx';
// Daily check-ins (issue 5)
import { CheckInDashboardPage } from './features/check-ins/check-in-dashboard-page.tsx';
import { CheckInPage } from './features/check-ins/check-in-page.tsx';
import { SmsOutboxPage } from './features/check-ins/sms-outbox-page.tsx';
import { ExportsPage } from './features/exports/exports-page.tsx';
import { HomePage } from './features/home/home-page.tsx';
import { ImportPage } from './features/imports/import-page.tsx';
// Batch matching (issue 6: matching helper)
import { BatchMatchingPage } from './features/matching/batch-matching-page.tsx';
import { NotificationsPage } from './features/notifications/notifications-page.tsx';
import { OrganisationPage } from './features/organisation/organisation-page.tsx';
// Outcomes (issue 5)
import { InstrumentEditPage } from './features/outcomes/instrument-edit-page.tsx';
import { OutcomesPage } from './features/outcomes/outcomes-page.tsx';
import { RespondPage } from './features/outcomes/respond-page.tsx';
import { CaseloadReportPage } from './features/reports/caseload-report-page.tsx';
import { ChainPage } from './features/safeguarding/chain-page.tsx';
import { SafeguardingPage } from './features/safeguarding/safeguarding-page.tsx';
import { SitesPage } from './features/sites/sites-page.tsx';
import { RegisterPage } from './features/social-capital/register-page.tsx';
import { ImpactMapEditPage } from './features/social-value/impact-map-edit-page.tsx';
import { ImpactMapsPage } from './features/social-value/impact-maps-page.tsx';
import { ProxyLibraryPage } from './features/social-value/proxy-library-page.tsx';
import { SocialValueReportPage } from './features/social-value/social-value-report-page.tsx';
// Training, safeguarding chain, partner relationship management (issue 6: web helper)
import { CohortPage } from './features/training/cohort-page.tsx';
import { CoursePage } from './features/training/course-page.tsx';
import { CoursesPage } from './features/training/courses-page.tsx';
import { FunnelPage } from './features/training/funnel-page.tsx';
import { UsersPage } from './features/users/users-page.tsx';
import { VoicePage } from './features/voice/voice-page.tsx';
// Peer workforce (issue 6: workforce helper)
import { AccessLimitsPage } from './features/workforce/access-limits-page.tsx';
import { AddPersonPage } from './features/workforce/add-person-page.tsx';
import { EditPersonPage } from './features/workforce/edit-person-page.tsx';
import { ApproveHoursPage, MyHoursPage } from './features/workforce/hours-page.tsx';
import { PersonPage } from './features/workforce/person-page.tsx';
import { WorkforcePage } from './features/workforce/workforce-page.tsx';
import { WorkforceSettingsPage } from './features/workforce/workforce-settings-page.tsx';
import { isApiError } from './lib/api-client.ts';

export const twoFactorEnrolmentPath = '/account/two-factor' as const;

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Outlet,
  notFoundComponent: () => (
    <Container size="sm" py="xl">
      <NotFoundPage />
    </Container>
  ),
});

type SignInSearch = { redirect?: string; signedOut?: boolean };

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (search: Record<string, unknown>): SignInSearch => ({
    redirect: typeof search.redirect === 'string' ? search.redirect : undefined,
    signedOut: search.signedOut === true || search.signedOut === 'true' ? true : undefined,
  }),
  beforeLoad: async ({ context, search }) => {
    // Already signed in (say, a bookmark to /sign-in): carry on where they meant to go.
    const me = await context.queryClient
      .fetchQuery({ ...meQueryOptions, staleTime: 0 })
      .catch(() => undefined);
    if (me) throw redirect({ href: safeRedirectTarget(search.redirect) });
  },
  component: SignInPage,
});

/** Everything behind sign-in. Unenrolled people whose role needs two-factor see only the enrolment page. */
const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'signed-in',
  beforeLoad: async ({ context, location }) => {
    let me: Me;
    try {
      me = await context.queryClient.ensureQueryData(meQueryOptions);
    } catch (error) {
      if (isApiError(error, 'unauthenticated')) {
        throw redirect({ to: '/sign-in', search: { redirect: location.href } });
      }
      throw error;
    }
    if (me.mustEnrolTwoFactor && location.pathname !== twoFactorEnrolmentPath) {
      throw redirect({ to: twoFactorEnrolmentPath });
    }
  },
  component: () => (
    <AppLayout>
      <Outlet />
    </AppLayout>
  ),
});

// Outcomes (issue 5): a survey completed by link, without an account (the token is in the fragment).
const respondRoute = createRoute({ getParentRoute: () => rootRoute, path: '/s', component: RespondPage });

// Daily check-ins (issue 5): answered by link without an account (the token is in the fragment).
const checkInRoute = createRoute({ getParentRoute: () => rootRoute, path: '/c', component: CheckInPage });

const page = <TPath extends string>(path: TPath, component: () => React.ReactNode) =>
  createRoute({ getParentRoute: () => signedInRoute, path, component });

const routeTree = rootRoute.addChildren([
  signInRoute,
  respondRoute,
  checkInRoute,
  signedInRoute.addChildren([
    page('/', HomePage),
    page('/cases', CasesPage),
    page('/cases/new', NewCasePage),
    page('/cases/$caseId', CasePage),
    page('/cases/$caseId/edit', EditCasePage),
    page('/cases/$caseId/contact', ContactPage),
    page('/caseload', CaseloadPage),
    // Batch matching and the site's matching weights (issue 6: matching helper)
    page('/matching', BatchMatchingPage),
    page('/reports/caseload', CaseloadReportPage),
    page('/social-value', ImpactMapsPage),
    // Outcomes (issue 5)
    page('/outcomes', OutcomesPage),
    page('/outcomes/instruments/$instrumentId/edit', InstrumentEditPage),
    page('/social-value/proxies', ProxyLibraryPage),
    page('/social-value/$mapId', SocialValueReportPage),
    page('/social-value/$mapId/edit', ImpactMapEditPage),
    // Daily check-ins (issue 5)
    page('/check-ins', CheckInDashboardPage),
    page('/sms-outbox', SmsOutboxPage),
    page('/import', ImportPage),
    page('/exports', ExportsPage),
    page('/users', UsersPage),
    page('/sites', SitesPage),
    page('/organisation', OrganisationPage),
    page('/audit', AuditPage),
    page('/account', AccountPage),
    // Peer workforce (issue 6: workforce helper)
    page('/workforce', WorkforcePage),
    page('/workforce/new', AddPersonPage),
    page('/workforce/settings', WorkforceSettingsPage),
    page('/workforce/$memberId', PersonPage),
    page('/workforce/$memberId/edit', EditPersonPage),
    page('/hours', MyHoursPage),
    page('/hours/approve', ApproveHoursPage),
    page('/access-limits', AccessLimitsPage),
    // Safeguarding, partner relationships, voice (issue 6: session helper)
    page('/safeguarding', SafeguardingPage),
    page('/partners', RegisterPage),
    page('/voice', VoicePage),
    // Training, safeguarding chain, partner relationship management (issue 6: web helper)
    page('/safeguarding/chain', ChainPage),
    page('/training', CoursesPage),
    page('/training/funnel', FunnelPage),
    page('/training/courses/$courseId', CoursePage),
    page('/training/cohorts/$cohortId', CohortPage),
    page('/notifications', NotificationsPage),
    page(twoFactorEnrolmentPath, TwoFactorEnrolmentPage),
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPendingComponent: () => <PageLoader />,
    defaultPendingMs: 300,
    defaultErrorComponent: RouteError,
    defaultPreload: false,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
