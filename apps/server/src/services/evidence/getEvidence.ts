import type { Evidence } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { requireVisibleEvidence } from "../../domain/requireVisibleEvidence";

/** One visible piece of evidence (live, on a live claim); NOT_FOUND otherwise. */
export async function getEvidence(db: Db, id: string): Promise<Evidence> {
  return (await requireVisibleEvidence(db, id)).evidence;
}
