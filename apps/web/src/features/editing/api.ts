import type { Article, ArticleSaved, Claim, DocNode, SelectorInput } from "@factmark/core";
import { unwrap } from "../../lib/ApiError";
import { apiClient, ifMatch } from "../../lib/apiClient";
import { queueClaimWrite } from "../claims/claimWrites";

/** Saves an edited document; the server re-anchors every claim and says how they moved. */
export async function saveArticleDoc(article: Pick<Article, "id" | "version">, doc: DocNode): Promise<ArticleSaved> {
  const response = apiClient.articles[":id"].$patch(
    { param: { id: article.id }, json: { doc } },
    { headers: ifMatch(article) },
  );
  // The document's recursive type does not survive Hono's JSON typing; the server sends a core ArticleSaved.
  return (await unwrap(response)) as unknown as ArticleSaved;
}

/** Places an orphaned claim on new selectors, checked as when a claim is made. */
export async function reattachClaim(claim: Pick<Claim, "id" | "version">, selectors: SelectorInput): Promise<Claim> {
  return queueClaimWrite(
    claim,
    (version) =>
      unwrap(
        apiClient.claims[":id"].reattach.$post(
          { param: { id: claim.id }, json: { selectors } },
          { headers: ifMatch({ version }) },
        ),
      ),
    (answer) => answer.version,
  );
}
