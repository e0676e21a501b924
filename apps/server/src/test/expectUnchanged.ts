import { expect } from "vitest";
import type { Db } from "../db/createDatabase";
import { snapshotDatabase } from "./snapshotDatabase";

/** Sends a request and asserts that it changed nothing stored; answers its response. */
export async function expectUnchanged(db: Db, send: () => Promise<Response>): Promise<Response> {
  const before = await snapshotDatabase(db);
  const response = await send();
  expect(await snapshotDatabase(db)).toEqual(before);
  return response;
}
