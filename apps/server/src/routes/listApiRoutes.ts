/** One route of the API as the app's router holds it. */
export interface ApiRoute {
  /** "GET /api/claims/{id}": the method and the path as the OpenAPI document writes it. */
  name: string;
  method: string;
  path: string;
  /** The route's own handlers in order: its middleware, its validators, and its handler. */
  handlers: unknown[];
}

/**
 * Every route the app answers under /api, read from its router's own table (`app.routes`). App-wide middleware is
 * registered for "ALL" methods and is left out, as is the catch-all that answers unknown API paths with 404.
 */
export function listApiRoutes(app: { routes: readonly { method: string; path: string; handler: unknown }[] }) {
  const routes = new Map<string, ApiRoute>();
  for (const { method, path, handler } of app.routes) {
    if (method === "ALL" || !path.startsWith("/api/")) continue;
    const documentPath = path.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
    const name = `${method} ${documentPath}`;
    const route = routes.get(name) ?? { name, method, path: documentPath, handlers: [] };
    route.handlers.push(handler);
    routes.set(name, route);
  }
  return [...routes.values()];
}
