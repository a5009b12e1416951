import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the schema with `npm run db:generate` and committed.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/storage/schema/index.ts',
  out: './src/storage/migrations',
  casing: 'snake_case',
});
