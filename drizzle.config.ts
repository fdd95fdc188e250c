import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the Drizzle tables (`npm run db:generate`) and applied at
// start-up by src/db/migrate.ts, on PGlite and PostgreSQL alike (one dialect).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './src/db/migrations',
});
