import type { AppLoadContext } from "@remix-run/node";

/**
 * The client's address as the server saw it (server.js puts it on the
 * load context; behind a proxy, TRUST_PROXY tells Express whom to
 * believe). Null when unknown.
 */
export function clientAddressOf(context: AppLoadContext): string | null {
  const value: unknown = (context as { clientAddress?: unknown }).clientAddress;
  return typeof value === "string" && value !== "" ? value : null;
}
