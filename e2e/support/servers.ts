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

export interface HostPageOptions {
  /** The portal the cards talk to; the test portal by default. */
  api?: string;
  theme?: "light" | "dark" | "auto";
  /** The script tag twice, as a careless page might have it. */
  twice?: boolean;
  /** A strict Content Security Policy, with no inline styles allowed. */
  csp?: boolean;
  /** Page styles that try to reach into every element. */
  hostile?: boolean;
}

/** The partner's page that embeds one <partner-scorecard> per key. */
export function hostPageUrl(
  keys: string | string[],
  options: HostPageOptions = {},
): string {
  const query = new URLSearchParams();
  for (const key of [keys].flat()) query.append("key", key);
  if (options.api) query.set("api", options.api);
  if (options.theme) query.set("theme", options.theme);
  if (options.twice) query.set("twice", "1");
  if (options.csp) query.set("csp", "1");
  if (options.hostile) query.set("hostile", "1");
  return `${HOST_SITE_ORIGIN}/?${query}`;
}
