import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [react()],
  server: {
    // In development the API runs apart (pnpm dev); in production one server serves both.
    // The server answers these; exported annotation ids and Factmark's JSON-LD context resolve there too.
    proxy: {
      "/api": "http://127.0.0.1:3000",
      "/healthz": "http://127.0.0.1:3000",
      "/annotations": "http://127.0.0.1:3000",
      "/ns": "http://127.0.0.1:3000",
      "^/articles/[^/]+/annotations": "http://127.0.0.1:3000",
    },
  },
  // The manifest tells the server which chunks a page needs, so its HTML preloads them (serveWebApp).
  build: { outDir: "dist", sourcemap: true, manifest: true },
  test: {
    name: "web",
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["src/test/setup.ts"],
  },
});
