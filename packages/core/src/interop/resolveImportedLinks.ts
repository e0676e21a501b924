import type { LinkKind } from "../schemas/link";
import { quoteForMessage } from "./foreignSelectors";
import type { PlannedItem } from "./planAnnotationImport";

/**
 * The claim id a Factmark annotation id names (`https://…/annotations/claims/<claimId>`, as buildWebAnnotation
 * writes it), or null for any other id. Only the path is read: the same claim exported from another address is
 * still that claim, and whether the article has it is for the caller to look up.
 */
export function claimIdOfAnnotationId(annotationId: string): string | null {
  const match = /\/annotations\/claims\/([^/?#]+)$/.exec(annotationId);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/**
 * The claim ids the link items of a plan name by their exported annotation id: what the caller looks up among the
 * article's live claims (and their live links) before resolveImportedLinks.
 */
export function claimIdsNamedByLinks(items: readonly PlannedItem[]): string[] {
  const ids = new Set<string>();
  for (const { link } of items) {
    for (const end of link ? [link.fromId, link.toId] : []) {
      const claimId = claimIdOfAnnotationId(end);
      if (claimId) ids.add(claimId);
    }
  }
  return [...ids];
}

/** What a plan's links may join: the claims this import stores, and those the article has. */
export interface ImportLinkEnds {
  /** The claim each anchored item of the document is stored as, by the item's index in the plan. */
  claimIdOfItem: ReadonlyMap<number, string>;
  /** The live claims of the article among claimIdsNamedByLinks. */
  articleClaimIds: ReadonlySet<string>;
  /** The article's live links that touch those claims, in either direction. */
  liveLinks: readonly { fromClaimId: string; toClaimId: string; kind: LinkKind }[];
}

/**
 * Answers each link item of a plan (planAnnotationImport), in the document's order: `linked`, with the claims it
 * joins in `link.ends` (`from` → `to`, in the link's own direction), when both ends are claims of this article —
 * an annotation of the same document that was anchored (by its `id`), else a live claim of the article named by
 * its exported id — and the pair holds no live link of that kind yet, in either direction (nor does an earlier
 * item of the document make one); else `skipped`, saying which end was not found and why, or that the pair is
 * linked already. A link to an orphaned annotation is skipped: a reviewer attaches the orphan first. Other items are
 * answered as they were. Pure: the caller stores what is linked.
 */
export function resolveImportedLinks(items: readonly PlannedItem[], ends: ImportLinkEnds): PlannedItem[] {
  const itemIndexOfId = new Map<string, number>();
  items.forEach((item, index) => {
    if (item.annotationId !== null && !itemIndexOfId.has(item.annotationId))
      itemIndexOfId.set(item.annotationId, index);
  });
  const pairKey = (first: string, second: string, kind: LinkKind) => JSON.stringify([...[first, second].sort(), kind]);
  const linked = new Set(ends.liveLinks.map((link) => pairKey(link.fromClaimId, link.toClaimId, link.kind)));

  /** The claim one end names, in words for the answer; or why there is none. */
  const claimOf = (annotationId: string, role: string): { claimId: string; named: string } | { reason: string } => {
    const index = itemIndexOfId.get(annotationId);
    const imported = index === undefined ? undefined : ends.claimIdOfItem.get(index);
    const item = index === undefined ? undefined : items[index];
    if (imported && item) return { claimId: imported, named: `the annotation at "${item.path}"` };
    const named = claimIdOfAnnotationId(annotationId);
    if (named && ends.articleClaimIds.has(named)) return { claimId: named, named: `the article's claim "${named}"` };
    const end = quoteForMessage(annotationId);
    if (item) {
      const what = item.outcome === "orphaned" ? "was kept as an orphan, not anchored" : `was ${item.outcome}`;
      return { reason: `The annotation it links ${role} (${end}) ${what}, so there is no claim to link.` };
    }
    if (named) {
      return { reason: `It links ${role} the claim "${named}", which this article does not have (or has deleted).` };
    }
    return {
      reason: `It links ${role} ${end}, which is neither an annotation of this document nor a claim of this article.`,
    };
  };

  return items.map((item): PlannedItem => {
    const { link } = item;
    if (!link || item.outcome !== "skipped") return item;
    const skip = (reason: string): PlannedItem => ({ ...item, reason });
    const from = claimOf(link.fromId, "from");
    if ("reason" in from) return skip(from.reason);
    const to = claimOf(link.toId, "to");
    if ("reason" in to) return skip(to.reason);
    if (from.claimId === to.claimId) return skip("Both its ends are the same claim: a claim is not linked to itself.");
    const key = pairKey(from.claimId, to.claimId, link.kind);
    if (linked.has(key)) {
      return skip(`These two claims are already linked as "${link.kind}": a pair holds one link of a kind.`);
    }
    linked.add(key);
    return {
      ...item,
      outcome: "linked",
      reason: `Linked as "${link.kind}", from ${from.named} to ${to.named}.`,
      link: { ...link, ends: { fromClaimId: from.claimId, toClaimId: to.claimId } },
    };
  });
}
