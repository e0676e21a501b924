import { defineConfig } from "vitest/config";

// One run, three projects: core (pure), server (real database), web (jsdom).
export default defineConfig({
  test: {
    projects: ["packages/core", "apps/server", "apps/web"],
  },
});
