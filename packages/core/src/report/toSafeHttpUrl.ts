/**
 * The normalised form of an http(s) URL, or null for anything else: `javascript:`, `data:`, relative or unparsable
 * URLs never become links in a report. The form is the WHATWG URL parser's serialisation (`new URL(value).href`:
 * spaces, quotes, `<`, `>` and non-ASCII percent-encoded, the host lower-cased and punycoded) with, in addition,
 * every character RFC 3986 (and so RFC 3987, the IRIs JSON-LD and the W3C model require) forbids that WHATWG leaves
 * as typed: `[`, `]` outside an IPv6 host, `|`, `^`, `{`, `}`, `` ` ``, `\`, a second `#`, and a `%` that starts no
 * `%XX` escape. A user name or password (`https://user:pw@host/`) is left out: ZHttpUrl refuses them at input, and
 * a row stored before that rule never shows its password in a report. The result is ASCII, parses back to itself,
 * and is the form every stored URL takes (ZHttpUrl), so normalising twice changes nothing and rows stored before
 * these rules are escaped the same way on output.
 */
export function toSafeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.hostname.length === 0) return null;
  // An http(s) URL's serialisation is "scheme://authority/path?query#fragment", its path never empty.
  const { href } = url;
  const afterScheme = url.protocol.length + 2;
  const pathStart = href.indexOf("/", afterScheme);
  const authority = href.slice(afterScheme, pathStart);
  // The user name and password, if any, end at the authority's last "@" (WHATWG escapes any "@" inside them).
  // The host is already RFC 3986 (a lower-cased ASCII name, an IPv4 address or a bracketed IPv6 address).
  const host = authority.slice(authority.lastIndexOf("@") + 1);
  const rest = href.slice(pathStart);
  const hashAt = rest.indexOf("#");
  const beforeHash = hashAt === -1 ? rest : rest.slice(0, hashAt);
  const queryAt = beforeHash.indexOf("?");
  const path = escapeForRfc3986(queryAt === -1 ? beforeHash : beforeHash.slice(0, queryAt));
  const query = queryAt === -1 ? "" : `?${escapeForRfc3986(beforeHash.slice(queryAt + 1))}`;
  const fragment = hashAt === -1 ? "" : `#${escapeForRfc3986(rest.slice(hashAt + 1)).replaceAll("#", "%23")}`;
  return `${url.protocol}//${host}${path}${query}${fragment}`;
}

/** Whether a URL the WHATWG parser takes carries a user name or password (`https://user:pw@host/`). */
export function hasUrlCredentials(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return url.username.length > 0 || url.password.length > 0;
  } catch {
    return false;
  }
}

/**
 * Percent-encodes what may not stand in an RFC 3986 path, query or fragment: anything but unreserved,
 * sub-delims, `:`, `@`, `/`, `?`, `#` (the caller splits on those) and a `%` that starts a two-hex-digit escape.
 * WHATWG's serialisation is ASCII; encodeURIComponent would encode anything else as UTF-8 all the same.
 */
function escapeForRfc3986(part: string): string {
  return part.replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~!$&'()*+,;=:@/?#%]/gu, (character) =>
    encodeURIComponent(character),
  );
}
