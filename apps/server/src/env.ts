import type { Actor } from "@factmark/core";
import type { Db } from "./db/createDatabase";

/** What every request handler can reach. */
export interface AppEnv {
  Variables: {
    actor: Actor;
    requestId: string;
  };
}

export interface AppDeps {
  db: Db;
}
