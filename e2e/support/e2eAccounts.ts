import path from "node:path";
import { fileURLToPath } from "node:url";

/** The admin the global setup creates through the first-run API; every journey is signed in as them. */
export const E2E_ADMIN = { email: "admin@factmark.test", password: "e2e admin password", name: "Ada Admin" };

/** Where the admin's signed-in browser state is kept between the setup and the journeys. */
export const ADMIN_STORAGE_STATE = fileURLToPath(new URL("../artifacts/.auth/admin.json", import.meta.url));

export const E2E_PORT = Number(process.env.E2E_PORT ?? 4310);
/** A second server on its own fresh database that nobody sets up: the first-run journey's. */
export const E2E_FIRST_RUN_PORT = E2E_PORT + 1;

export const ARTIFACTS_DIR = path.dirname(path.dirname(ADMIN_STORAGE_STATE));
