/**
 * The two servers the tests drive. The host site is deliberately another
 * origin (another host name and port) than the portal, as a partner's
 * web site would be.
 */
/** Overridable, so two checkouts can run their tests side by side. */
export const PORTAL_PORT = Number(process.env.E2E_PORTAL_PORT ?? 3210);
export const PORTAL_ORIGIN = `http://localhost:${PORTAL_PORT}`;

export const HOST_SITE_PORT = Number(process.env.E2E_HOST_PORT ?? 3211);
export const HOST_SITE_ORIGIN = `http://127.0.0.1:${HOST_SITE_PORT}`;

/** The partner's page that embeds <partner-scorecard> with this key. */
export function hostPageUrl(key: string): string {
  return `${HOST_SITE_ORIGIN}/?key=${encodeURIComponent(key)}`;
}
