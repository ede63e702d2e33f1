import { defineConfig } from 'drizzle-kit';

// Used only to generate SQL migrations from the table files: `npm run db:generate -w @peerpath/app -- --name=<what>`.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/db/schema.ts',
  out: './drizzle',
});
