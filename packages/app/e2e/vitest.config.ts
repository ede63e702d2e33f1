import { defineConfig } from 'vitest/config';

// Browser journeys: slow, few, one at a time (each starts its own server and Chromium).
// Run `npm run build` first: the server serves the built web app from dist/web.
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    sequence: { concurrent: false },
  },
});
