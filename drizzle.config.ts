import { defineConfig } from 'drizzle-kit';

// drizzle-kit only generates SQL here; migrations are applied by drizzle-orm's migrate() (scripts/migrate.ts and on start),
// because drizzle-kit cannot load PGlite's extensions.
export default defineConfig({
	schema: './src/lib/server/db/schema/index.ts',
	out: './drizzle',
	dialect: 'postgresql',
	casing: 'snake_case'
});
