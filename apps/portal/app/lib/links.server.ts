import { env } from "./env.server.js";

/**
 * An absolute link to a page of the portal, for mail: PUBLIC_URL when
 * set (behind a proxy the request's own address may be internal), else
 * the address the request came to.
 */
export function portalLink(request: Request, path: string): string {
  return new URL(path, mailBase(request)).toString();
}

/** Tokens travel in the query string, which the request log leaves out. */
export function tokenLink(request: Request, path: string) {
  return (token: string) =>
    portalLink(request, `${path}?token=${encodeURIComponent(token)}`);
}

/**
 * Notifications put their portal path on a line of its own
 * (`/leads/12`), since they are written where no request is known;
 * mail must carry whole addresses, so such lines are made absolute.
 */
export function withAbsoluteLinks(text: string, base: string): string {
  return text
    .split("\n")
    .map((line) =>
      /^\/(?!\/)\S*$/.test(line) ? new URL(line, base).href : line,
    )
    .join("\n");
}

/** The base of links in mail: PUBLIC_URL, else the request's address. */
export function mailBase(request: Request): string {
  return env().PUBLIC_URL ?? new URL(request.url).origin;
}

/**
 * A mail's text as the outbox page shows it to owner admins. A reset
 * link would let them sign in as the person (in every program of
 * theirs), so it is shown only on the embedded database, the demo and
 * development (decision 0014).
 */
export function outboxText(
  text: string,
  { base, showResetLinks }: { base: string; showResetLinks: boolean },
): string {
  const lines = withAbsoluteLinks(text, base).split("\n");
  return lines
    .map((line) =>
      !showResetLinks && /\/password\/reset\?token=/.test(line)
        ? "(A password reset link: only its recipient may see it.)"
        : line,
    )
    .join("\n");
}
