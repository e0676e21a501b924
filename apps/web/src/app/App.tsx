import { Link, Route, Switch } from "wouter";
import { ArticleListPage } from "../features/articles/components/ArticleListPage";
import { ArticlePage } from "../features/articles/components/ArticlePage";
import { ErrorBoundary } from "./ErrorBoundary";

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
          <Switch>
            <Route path="/">
              <ArticleListPage />
            </Route>
            <Route path="/articles/:id">{(params) => <ArticlePage key={params.id} articleId={params.id} />}</Route>
            <Route>
              <div className="page-message">
                <h1>Page not found</h1>
                <Link href="/">Back to all articles</Link>
              </div>
            </Route>
          </Switch>
        </ErrorBoundary>
      </main>
    </>
  );
}
