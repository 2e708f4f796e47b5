import { describe, expect, it } from "vitest";
import { browserName } from "./browser-name.server.js";

describe("browserName", () => {
  it("names the browser, its major version and the system", () => {
    expect(
      browserName(
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
      ),
    ).toBe("Chrome 131 on Linux");
    expect(
      browserName(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
      ),
    ).toBe("Safari 17 on iOS");
  });

  it("says nothing when the header says nothing", () => {
    expect(browserName(null)).toBeNull();
    expect(browserName("  ")).toBeNull();
    expect(browserName("curl/8.5.0")).toBeNull();
  });
});
