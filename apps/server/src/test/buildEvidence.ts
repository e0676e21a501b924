import type { Claim, Evidence, EvidenceCreate } from "@factmark/core";
import type { Db } from "../db/createDatabase";
import { SEED_ADMIN } from "../repositories/accountRepository";
import { createEvidence } from "../services/evidence/createEvidence";

/** Attaches a source to a claim through the service, with defaults for what the test does not care about. */
export async function buildEvidence(
  db: Db,
  claim: Pick<Claim, "id">,
  overrides: Partial<EvidenceCreate> = {},
): Promise<Evidence> {
  return createEvidence(db, SEED_ADMIN, claim.id, {
    url: "https://www.reuters.com/world/iran-drones",
    title: "Iran admits sending drones to Russia",
    excerpt: "Iran acknowledged for the first time that it had supplied drones.",
    stance: "contradicts",
    ...overrides,
  });
}
