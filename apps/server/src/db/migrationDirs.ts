import path from "node:path";
import { PROJECT_ROOT } from "../config";

/** SQLite's migrations, the single source of truth: `prisma migrate dev` writes them, migrate.ts applies them. */
export const SQLITE_MIGRATIONS_DIR = path.join(PROJECT_ROOT, "prisma/migrations");

/** PostgreSQL's migrations, derived from SQLite's (see postgresSchema.ts) and applied by migratePostgres.ts. */
export const POSTGRES_MIGRATIONS_DIR = path.join(PROJECT_ROOT, "prisma/postgres/migrations");
