import { defineConfig } from 'vitest/config';

// One test command for the whole repository; each package keeps its own settings.
export default defineConfig({
  test: {
    projects: ['packages/sroi', 'packages/app'],
    // Each app test file opens its own database; two cores run two files at a time comfortably.
    maxWorkers: 2,
  },
});
