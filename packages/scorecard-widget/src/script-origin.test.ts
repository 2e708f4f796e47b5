import { describe, expect, it, vi } from "vitest";

/** Loads script-origin.ts afresh, as if a page had just run it. */
async function loadWhileRunning(src: string | undefined) {
  const script = document.createElement("script");
  if (src) script.src = src;
  vi.spyOn(document, "currentScript", "get").mockReturnValue(script);
  vi.resetModules();
  const module = await import("./script-origin.js");
  return module;
}

describe("defaultApiBase", () => {
  it("is the origin of the script tag that loaded the widget", async () => {
    const { defaultApiBase } = await loadWhileRunning(
      "https://portal.example.com/assets/partner-scorecard.min.js",
    );

    expect(defaultApiBase()).toBe("https://portal.example.com");
  });

  it("is the page origin when the module URL is not on the web", async () => {
    const { defaultApiBase } = await loadWhileRunning(undefined);

    expect(import.meta.url).toMatch(/^file:/);
    expect(defaultApiBase()).toBe(window.location.origin);
  });
});
