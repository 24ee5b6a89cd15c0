import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The offline engine spawns Pulumi programs in child processes; give them room on 2 cores.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
