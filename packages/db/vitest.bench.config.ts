import { defineConfig } from "vitest/config";

/** `pnpm bench`: not part of `pnpm test`; see the README. */
export default defineConfig({
  test: {
    include: ["bench/**/*.run.ts"],
    testTimeout: 1_200_000,
    hookTimeout: 60_000,
    // One fork, so its peak RSS is the bench's own.
    pool: "forks",
    fileParallelism: false,
  },
});
