import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'sroi',
    include: ['test/**/*.test.ts'],
  },
});
