/**
 * The public address of a fact-check, of one of its claims, or of an older version of either:
 * `${base}/fact-checks/${slug}[/claims/${n}][?version=${k}]`. The slug is encoded; `version` is left off for the
 * latest version, whose address stays the same across corrections.
 */
export function publicFactCheckUrl(
  publicBaseUrl: string,
  slug: string,
  options: { claimNumber?: number; version?: number } = {},
): string {
  const path = `${publicBaseUrl.replace(/\/+$/, "")}/fact-checks/${encodeURIComponent(slug)}`;
  const claim = options.claimNumber === undefined ? "" : `/claims/${options.claimNumber}`;
  const version = options.version === undefined ? "" : `?version=${options.version}`;
  return `${path}${claim}${version}`;
}
