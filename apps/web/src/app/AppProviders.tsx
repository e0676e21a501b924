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
      // Another tab's or reviewer's claims show up when the reviewer comes back to this one. A read the server failed
      // or could not answer is tried once more; a refusal (4xx: missing, invalid, signed out, forbidden) is the answer
      // and is shown at once, but for a rate limit or a timeout, which a second try may get past.
      queries: { refetchOnWindowFocus: true, retry: isWorthAnotherTry },
    },
  });
  return queryClient;
}

/** Whether a failed read is asked once more: once, unless the server refused it for good (see createQueryClient). */
function isWorthAnotherTry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 1) return false;
  if (!(error instanceof ApiError)) return true;
  return error.status === 0 || error.status >= 500 || error.status === 408 || error.status === 429;
}

/** The query client, made here unless given (main.tsx makes it first, to start the page's requests). */
export function AppProviders({ children, client }: { children: ReactNode; client?: QueryClient }) {
  const [queryClient] = useState(() => client ?? createQueryClient());
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
