import { afterEach, beforeEach, expect, vi } from "vitest";
import type { MockInstance } from "vitest";

declare global {
  var litIssuedWarnings: Set<string> | undefined;
}

// Tests run Lit's development build on purpose, for its extra checks; its
// one notice that it is the development build is expected, so mute it.
globalThis.litIssuedWarnings ??= new Set();
globalThis.litIssuedWarnings.add("dev-mode");

let errors: MockInstance<typeof console.error>;
let warnings: MockInstance<typeof console.warn>;

/**
 * Lit reports misuse (an update scheduled during an update, a bad
 * binding) as console warnings; a test that triggers one should fail
 * rather than pass quietly.
 */
beforeEach(() => {
  errors = vi.spyOn(console, "error");
  warnings = vi.spyOn(console, "warn");
});

afterEach(() => {
  expect(errors).not.toHaveBeenCalled();
  expect(warnings).not.toHaveBeenCalled();
  vi.restoreAllMocks();
});
