import { describe, expect, it } from "vitest";
import { articleKeys } from "../articles/queryKeys";
import { claimKeys } from "../claims/queryKeys";
import { linkKeys } from "../links/queryKeys";
import { suggestionKeys } from "../suggestions/queryKeys";
import { workflowKeys } from "../workflow/queryKeys";
import { queryKeysToRefresh } from "./queryKeysToRefresh";

describe("queryKeysToRefresh", () => {
  it("always reads the claims again (since their cursor), and what each named claim shows", () => {
    const keys = queryKeysToRefresh("a1", { actions: ["evidence.added"], claimIds: ["c1"] });
    expect(keys).toEqual(
      expect.arrayContaining([claimKeys.ofArticle("a1"), claimKeys.ofClaim({ id: "c1", articleId: "a1" })]),
    );
    expect(keys).not.toContainEqual(linkKeys.ofArticle("a1"));
    expect(keys).not.toContainEqual(articleKeys.detail("a1"));
  });

  it("reads the links and contradictions again when links or claims changed, the article when it did", () => {
    expect(queryKeysToRefresh("a1", { actions: ["link.added"], claimIds: [] })).toContainEqual(
      linkKeys.ofArticle("a1"),
    );
    expect(queryKeysToRefresh("a1", { actions: ["claim.verdict_changed"], claimIds: [] })).toContainEqual(
      linkKeys.ofArticle("a1"),
    );
    expect(queryKeysToRefresh("a1", { actions: ["article.updated", "claim.reanchored"], claimIds: [] })).toContainEqual(
      articleKeys.detail("a1"),
    );
  });

  it("reads My work again when a claim was assigned, reviewed or moved, and the article when it was published", () => {
    expect(queryKeysToRefresh("a1", { actions: ["claim.assigned"], claimIds: ["c1"] })).toContainEqual(
      workflowKeys.myWork(),
    );
    expect(queryKeysToRefresh("a1", { actions: ["claim.reviewed"], claimIds: ["c1"] })).toContainEqual(
      workflowKeys.myWork(),
    );
    expect(queryKeysToRefresh("a1", { actions: ["evidence.added"], claimIds: ["c1"] })).not.toContainEqual(
      workflowKeys.myWork(),
    );
    expect(queryKeysToRefresh("a1", { actions: ["article.published"], claimIds: [] })).toContainEqual(
      articleKeys.detail("a1"),
    );
  });

  it("keeps every key inside the article's, so one invalidation could refresh them all", () => {
    const keys = queryKeysToRefresh("a1", { actions: ["article.updated", "link.added"], claimIds: ["c1"] });
    const outside = keys.filter((key) => key[0] !== "article" || key[1] !== "a1");
    expect(outside).toEqual([articleKeys.list()]);
  });

  it("reads the suggestions again when someone marks or links a claim or edits the article, not for evidence", () => {
    for (const action of ["claim.created", "link.added", "article.updated"]) {
      expect(queryKeysToRefresh("a1", { actions: [action], claimIds: [] })).toContainEqual(
        suggestionKeys.ofArticle("a1"),
      );
    }
    expect(queryKeysToRefresh("a1", { actions: ["evidence.added"], claimIds: ["c1"] })).not.toContainEqual(
      suggestionKeys.ofArticle("a1"),
    );
  });
});
