import type { Article, ArticleCreate, Claim } from "@factmark/core";
import type { Db } from "../db/createDatabase";
import { SEED_ADMIN } from "../repositories/accountRepository";
import { getArticle } from "../services/articles/getArticle";
import { updateArticle } from "../services/articles/updateArticle";
import { buildArticle } from "./buildArticle";
import { buildClaim } from "./buildClaim";

/** The rationale of the published claim: light formatting, a link. */
export const MALLEY_RATIONALE =
  "Satellite images show deliveries in **July**.\n\n- [Report](https://evidence.example/report)\n- Flight logs";

/**
 * Sets a claim's status to approved, as the editors' reviews leave it (the review flow is tested with the reviews
 * routes; what publishing reads is the status).
 */
export async function approveClaim(db: Db, claimId: string): Promise<void> {
  await db.claim.update({ where: { id: claimId }, data: { status: "approved" } });
}

/**
 * An article ready to publish: source URL and publication date, a conclusion, and three claims: Malley's
 * (contradicted, approved, his kind set), Iravani's (supported, approved, an organisation's spokesman here: kind
 * Organization) and one left unverified (not published, blocks nothing).
 */
export async function buildPublishableArticle(
  db: Db,
  overrides: Partial<ArticleCreate> = {},
): Promise<{ article: Article; malley: Claim; iravani: Claim; unverified: Claim }> {
  const created = await buildArticle(db, {
    sourceUrl: "https://news.example/iran-drones",
    publishedAt: "2022-10-20",
    outlet: "News Example",
    ...overrides,
  });
  const malley = await buildClaim(db, created, "Iran transferred dozens just this summer", {
    verdict: "contradicted",
    speaker: "Robert Malley",
    rationale: MALLEY_RATIONALE,
  });
  const iravani = await buildClaim(db, created, "totally unfounded", {
    verdict: "supported",
    speaker: "Iravani",
    rationale: "Said at the UN.",
  });
  const unverified = await buildClaim(db, created, "limited number of drones");
  await approveClaim(db, malley.id);
  await approveClaim(db, iravani.id);
  await updateArticle(db, SEED_ADMIN, created.id, created.version, {
    conclusion: { summary: "The US envoy's account holds; Iran's **does not**.", rating: "mostly-inaccurate" },
    speakerKinds: { "Robert Malley": "Person", Iravani: "Organization" },
  });
  return { article: await getArticle(db, created.id), malley, iravani, unverified };
}
