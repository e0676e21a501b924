import type { DbClient } from "./articleRepository";

/**
 * What was read lately, per database client (or connection, or statement) and key, the `kept` most recent. It answers what it was
 * given: each caller keeps, beside the value, what tells it whether the value is still current (a
 * version, a counter) and checks that against the database before using it.
 */
export function recentPerClient<Value, Client extends object = DbClient>(kept: number) {
  const byClient = new WeakMap<Client, Map<string, Value>>();
  return {
    get(db: Client, key: string): Value | undefined {
      return byClient.get(db)?.get(key);
    },
    set(db: Client, key: string, value: Value): void {
      let values = byClient.get(db);
      if (!values) {
        values = new Map();
        byClient.set(db, values);
      }
      // Re-inserted, so the Map's order stays oldest first.
      values.delete(key);
      values.set(key, value);
      for (const oldest of values.keys()) {
        if (values.size <= kept) break;
        values.delete(oldest);
      }
    },
  };
}
