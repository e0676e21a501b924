/**
 * The Content-Security-Policy of every response (app.ts's secureHeaders), as Hono's `contentSecurityPolicy` option
 * takes it: each directive's sources. One page extends it: an article's first screen, whose stylesheet is inline
 * (serveWebApp.ts, contentSecurityPolicyWith).
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // No inline <style> or style="": React's style props go through the CSSOM, which CSP allows.
  styleSrc: ["'self'"],
  imgSrc: ["'self'", "data:"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
} satisfies Record<string, string[]>;

type Directive = keyof typeof CONTENT_SECURITY_POLICY;

/**
 * The header's value of CONTENT_SECURITY_POLICY with `extra` sources added to some directives (written as Hono
 * writes the policy: kebab-case names, sources separated by spaces, directives by "; ").
 */
export function contentSecurityPolicyWith(extra: Partial<Record<Directive, readonly string[]>>): string {
  return (Object.entries(CONTENT_SECURITY_POLICY) as [Directive, readonly string[]][])
    .map(([name, sources]) => {
      const kebab = name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
      return [kebab, ...sources, ...(extra[name] ?? [])].join(" ");
    })
    .join("; ");
}
