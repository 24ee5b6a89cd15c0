import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The offline engine spawns Pulumi programs in child processes; give them room on 2 cores.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Vitest's default is cores − 1: a single worker on 2 cores. Most slow files wait on child
    // processes (renders, git), so one worker per core keeps them busy (about 165 s → 130 s here).
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
