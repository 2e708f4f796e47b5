import { env } from "./env.server.js";

/**
 * An absolute link to a page of the portal, for mail: PUBLIC_URL when
 * set (behind a proxy the request's own address may be internal), else
 * the address the request came to.
 */
export function portalLink(request: Request, path: string): string {
  const base = env().PUBLIC_URL ?? new URL(request.url).origin;
  return new URL(path, base).toString();
}

/** Tokens travel in the query string, which the request log leaves out. */
export function tokenLink(request: Request, path: string) {
  return (token: string) =>
    portalLink(request, `${path}?token=${encodeURIComponent(token)}`);
}
