import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { recheckSession } from "../features/auth/recheckSession";
import { ApiError } from "../lib/ApiError";

export function createQueryClient() {
  // A session that ended (signed out elsewhere, expired, password changed) shows the sign-in page again.
  const handleError = (error: unknown) => {
    if (error instanceof ApiError && error.code === "UNAUTHENTICATED") void recheckSession(queryClient);
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: handleError }),
    mutationCache: new MutationCache({ onError: handleError }),
    defaultOptions: {
      // Another tab's or reviewer's claims show up when the reviewer comes back to this one.
      queries: { refetchOnWindowFocus: true, retry: 1 },
    },
  });
  return queryClient;
}

/** The query client, made here unless given (main.tsx makes it first, to start the page's requests). */
export function AppProviders({ children, client }: { children: ReactNode; client?: QueryClient }) {
  const [queryClient] = useState(() => client ?? createQueryClient());
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
