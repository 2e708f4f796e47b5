/**
 * The origin this script was served from. A partner site embeds the
 * widget with a script tag pointing at the portal, so that origin is the
 * best default for the API. It must be read while the module first runs:
 * `document.currentScript` is only set during a classic script's
 * evaluation, and is null for module scripts, where `import.meta.url`
 * says the same thing.
 */
const scriptOrigin = httpOrigin(currentScriptUrl());

/** The API origin to use when the element has no `api-base`. */
export function defaultApiBase(): string {
  return scriptOrigin ?? globalThis.location.origin;
}

function currentScriptUrl(): string | undefined {
  const script =
    typeof document === "undefined" ? null : document.currentScript;
  if (script instanceof HTMLScriptElement && script.src) return script.src;
  return import.meta.url;
}

/**
 * Only an http(s) origin can serve the API: a bundler or a test runner
 * may hand us a `file:` or `blob:` URL, whose origin is useless here.
 */
function httpOrigin(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    const isHttp = parsed.protocol === "http:" || parsed.protocol === "https:";
    return isHttp ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}
