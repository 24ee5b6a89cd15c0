import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The offline engine spawns Pulumi programs in child processes; give them room on 2 cores.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Vitest's default on 2 cores is a single worker; most slow files wait on child processes
    // (renders, git), so two workers keep both cores busy (about 165 s → 130 s here).
    maxWorkers: 2,
  },
});
