import { lazy, Suspense } from "react";
import { Link, Route, Switch } from "wouter";
import { ArticleListPage } from "../features/articles/components/ArticleListPage";
import { ErrorBoundary } from "./ErrorBoundary";

// The editor and the report load with their pages: the article list needs neither.
const ArticlePage = lazy(() =>
  import("../features/articles/components/ArticlePage").then((module) => ({ default: module.ArticlePage })),
);
const ReportPage = lazy(() =>
  import("../features/report/components/ReportPage").then((module) => ({ default: module.ReportPage })),
);

export function App() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link href="/" className="brand">
          Factmark
        </Link>
      </header>
      <main id="main">
        <ErrorBoundary>
          <Suspense fallback={<p className="loading page-message">Loading…</p>}>
            <Switch>
              <Route path="/">
                <ArticleListPage />
              </Route>
              <Route path="/articles/:id/report">
                {(params) => <ReportPage key={params.id} articleId={params.id} />}
              </Route>
              <Route path="/articles/:id">{(params) => <ArticlePage key={params.id} articleId={params.id} />}</Route>
              <Route>
                <div className="page-message">
                  <h1>Page not found</h1>
                  <Link href="/">Back to all articles</Link>
                </div>
              </Route>
            </Switch>
          </Suspense>
        </ErrorBoundary>
      </main>
    </>
  );
}
