import type { Article, Claim, ClaimCreate } from "@factmark/core";
import type { Db } from "../db/createDatabase";
import { SEED_ADMIN } from "../repositories/accountRepository";
import { createClaim } from "../services/claims/createClaim";

/** Marks the first occurrence of `exact` in an article as a claim, through the service. */
export async function buildClaim(
  db: Db,
  article: Pick<Article, "id" | "text">,
  exact: string,
  overrides: Omit<Partial<ClaimCreate>, "selectors"> = {},
): Promise<Claim> {
  const start = article.text.indexOf(exact);
  if (start === -1) throw new Error(`buildClaim: "${exact}" is not in the article.`);
  return createClaim(db, SEED_ADMIN, article.id, {
    selectors: { position: { start, end: start + exact.length } },
    ...overrides,
  });
}
