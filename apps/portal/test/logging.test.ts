import { describe, expect, it } from "vitest";
import { describeError } from "~/lib/logger.server.js";

describe("describeError", () => {
  it("keeps a failed query's SQL but none of its parameters", () => {
    const cause = Object.assign(
      new Error('value "99999999999999999999" is out of range for bigint'),
      { code: "22003" },
    );
    const error = new Error(
      'Failed query: insert into "leads" values ($1, $2)\n' +
        "params: Acme,ann@acme.test",
      { cause },
    );
    const logged = JSON.stringify(describeError(error));
    expect(logged).toContain("Failed query: insert into");
    expect(logged).toContain("22003");
    expect(logged).not.toContain("ann@acme.test");
    expect(logged).not.toContain("99999999999999999999");
  });
});
