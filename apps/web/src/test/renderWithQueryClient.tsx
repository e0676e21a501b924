import type { AuthState, Role } from "@factmark/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";

import { authKeys } from "../features/auth/queryKeys";

/**
 * A query client for one test: no retries, nothing shared with other tests, and someone signed
 * in with `role` (an admin unless said otherwise; null: no one), as the app's auth gate ensures.
 */
export function createTestQueryClient(role: Role | null = "admin") {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const state: AuthState = {
    isSetupRequired: false,
    user: role
      ? {
          id: `test-${role}`,
          name: `Test ${role}`,
          email: `${role}@example.org`,
          role,
          version: 1,
          createdAt: "2026-01-01T00:00:00.000Z",
          deactivatedAt: null,
        }
      : null,
  };
  queryClient.setQueryData(authKeys.me(), state);
  return queryClient;
}

/** Renders inside a fresh QueryClientProvider; answers the client too, to seed or inspect its cache. */
export function renderWithQueryClient(ui: ReactElement, queryClient = createTestQueryClient()) {
  const result = render(<QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>);
  return { ...result, queryClient };
}
