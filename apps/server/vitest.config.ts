import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "server",
    environment: "node",
    include: ["src/**/*.test.ts"],
    // Each test file gets its own database file; files run in parallel processes.
    pool: "forks",
    testTimeout: 20_000,
  },
});
