import { lazy, Suspense } from "react";
import { Link, Route, Switch } from "wouter";
import { ArticleListPage } from "../features/articles/components/ArticleListPage";
import { AcceptInvitePage } from "../features/auth/components/AcceptInvitePage";
import { RequireAction } from "../features/auth/components/AccessNotice";
import { AuthGate } from "../features/auth/components/AuthGate";
import { AppHeader } from "./AppHeader";
import { ErrorBoundary } from "./ErrorBoundary";

// The editor and the report load with their pages: the article list needs neither.
const ArticlePage = lazy(() =>
  import("../features/articles/components/ArticlePage").then((module) => ({ default: module.ArticlePage })),
);
const AccountPage = lazy(() =>
  import("../features/auth/components/AccountPage").then((module) => ({ default: module.AccountPage })),
);
const UsersPage = lazy(() =>
  import("../features/auth/components/UsersPage").then((module) => ({ default: module.UsersPage })),
);
const NewArticlePage = lazy(() =>
  import("../features/import/components/NewArticlePage").then((module) => ({ default: module.NewArticlePage })),
);
const MyWorkPage = lazy(() =>
  import("../features/workflow/components/MyWorkPage").then((module) => ({ default: module.MyWorkPage })),
);
const ImportAnnotationsPage = lazy(() =>
  import("../features/annotationImport/components/ImportAnnotationsPage").then((module) => ({
    default: module.ImportAnnotationsPage,
  })),
);
const ReportPage = lazy(() =>
  import("../features/report/components/ReportPage").then((module) => ({ default: module.ReportPage })),
);
const SearchPage = lazy(() =>
  import("../features/search/components/SearchPage").then((module) => ({ default: module.SearchPage })),
);
const SpeakersRoutes = lazy(() =>
  import("../features/speakers/components/SpeakersRoutes").then((module) => ({ default: module.SpeakersRoutes })),
);

export function App() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <AppHeader />
      <main id="main">
        <ErrorBoundary>
          <Suspense fallback={<p className="loading page-message">Loading…</p>}>
            <Switch>
              {/* An invite is opened signed out; everything else needs an account. */}
              <Route path="/invite/:token">
                {(params) => <AcceptInvitePage key={params.token} token={params.token} />}
              </Route>
              <Route>
                <AuthGate>
                  <SignedInRoutes />
                </AuthGate>
              </Route>
            </Switch>
          </Suspense>
        </ErrorBoundary>
      </main>
    </>
  );
}

function SignedInRoutes() {
  return (
    <Switch>
      <Route path="/">
        <ArticleListPage />
      </Route>
      <Route path="/admin/users">
        <UsersPage />
      </Route>
      <Route path="/search">
        <SearchPage />
      </Route>
      {/* /speakers, /speakers/:id and /speakers/by-name/:name */}
      <Route path="/speakers/*?">
        <SpeakersRoutes />
      </Route>
      <Route path="/work">
        {/* Viewers are never assigned claims: the page says so rather than showing an empty list. */}
        <RequireAction title="My work" what="Working on assigned claims" action="claim.status">
          <MyWorkPage />
        </RequireAction>
      </Route>
      <Route path="/account">
        <AccountPage />
      </Route>
      <Route path="/articles/new">
        <NewArticlePage />
      </Route>
      {/* Not /articles/:id/annotations: that is the article's annotation container, which the server answers. */}
      <Route path="/articles/:id/import-annotations">
        {(params) => <ImportAnnotationsPage key={params.id} articleId={params.id} />}
      </Route>
      <Route path="/articles/:id/report">{(params) => <ReportPage key={params.id} articleId={params.id} />}</Route>
      <Route path="/articles/:id">{(params) => <ArticlePage key={params.id} articleId={params.id} />}</Route>
      <Route>
        <div className="page-message">
          <h1>Page not found</h1>
          <Link href="/">Back to all articles</Link>
        </div>
      </Route>
    </Switch>
  );
}
