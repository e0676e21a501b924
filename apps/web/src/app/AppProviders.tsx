import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // Another tab's or reviewer's claims show up when the reviewer comes back to this one.
      queries: { refetchOnWindowFocus: true, retry: 1 },
    },
  });
}

export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
