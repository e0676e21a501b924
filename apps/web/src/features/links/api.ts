import type { Contradiction, Link, LinkCreate } from "@factmark/core";
import { unwrap } from "../../lib/ApiError";
import { apiClient } from "../../lib/apiClient";

export async function fetchLinks(articleId: string): Promise<Link[]> {
  const { items } = await unwrap(apiClient.articles[":id"].links.$get({ param: { id: articleId }, query: {} }));
  return items;
}

export async function createLink(articleId: string, input: LinkCreate): Promise<Link> {
  return unwrap(apiClient.articles[":id"].links.$post({ param: { id: articleId }, json: input }));
}

export async function deleteLink(link: Pick<Link, "id">): Promise<Link> {
  return unwrap(apiClient.links[":id"].$delete({ param: { id: link.id } }));
}

export async function restoreLink(link: Pick<Link, "id">): Promise<Link> {
  return unwrap(apiClient.links[":id"].restore.$post({ param: { id: link.id } }));
}

export async function fetchContradictions(articleId: string): Promise<Contradiction[]> {
  const { items } = await unwrap(apiClient.articles[":id"].contradictions.$get({ param: { id: articleId } }));
  return items;
}
