/**
 * Reads the origins a person typed (one a line or comma-separated) into
 * canonical origins ("https://example.com:8443"), refusing paths,
 * wildcards and anything that is not http(s).
 */
export function parseOrigins(
  input: string,
): { ok: true; origins: string[] } | { ok: false; message: string } {
  const items = input
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0) {
    return {
      ok: false,
      message: "List at least one origin, such as https://partner.example.",
    };
  }
  const origins: string[] = [];
  for (const item of items) {
    let url: URL;
    try {
      url = new URL(item);
    } catch {
      return {
        ok: false,
        message: `"${item}" is not an origin such as https://partner.example.`,
      };
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      return {
        ok: false,
        message: `"${item}" must start with https:// or http://.`,
      };
    }
    if (
      (url.pathname !== "/" && url.pathname !== "") ||
      url.search ||
      url.hash
    ) {
      return {
        ok: false,
        message: `"${item}" has a path; give only scheme, host and port.`,
      };
    }
    if (!origins.includes(url.origin)) origins.push(url.origin);
  }
  return { ok: true, origins };
}
