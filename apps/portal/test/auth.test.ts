import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD } from "@tandem/db/testing";
import * as leads from "~/routes/leads._index.js";
import * as login from "~/routes/login.js";
import * as logout from "~/routes/logout.js";
import { call, startPortal, type TestPortal } from "./harness.js";

let portal: TestPortal;

beforeAll(async () => {
  portal = await startPortal();
}, 120_000);
afterAll(() => portal.close());

async function signIn(email: string, password: string) {
  return call(login.action, "/login", {
    form: { email, password, redirectTo: "/leads" },
  });
}

describe("signing in and out", () => {
  it("sets an HttpOnly, SameSite=Lax, signed cookie for the right password", async () => {
    const answer = await signIn("ANN@alpha.test ", TEST_PASSWORD);
    expect(answer.status).toBe(302);
    expect(answer.location).toBe("/leads");
    const cookie = answer.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    // Signed: the value carries a signature after the payload.
    expect(decodeURIComponent(cookie.split(";")[0]!)).toMatch(
      /\.[A-Za-z0-9+/=_-]{20,}$/,
    );
  });

  it("refuses a wrong password or an unknown email alike", async () => {
    for (const [email, password] of [
      ["ann@alpha.test", "wrong"],
      ["nobody@nowhere.test", TEST_PASSWORD],
    ]) {
      const answer = await signIn(email!, password!);
      expect(answer.status).toBe(401);
      expect(JSON.stringify(answer.body)).toContain("do not match");
      expect(answer.headers.get("Set-Cookie")).toBeNull();
    }
  });

  it("refuses a tampered cookie", async () => {
    const answer = await signIn("ann@alpha.test", TEST_PASSWORD);
    const cookie = answer.headers.get("Set-Cookie")!.split(";")[0]!;
    const tampered = cookie.replace(
      /=(.)/,
      (_m, c: string) => `=${c === "e" ? "f" : "e"}`,
    );
    const page = await call(leads.loader, "/leads", { cookie: tampered });
    expect(page.status).toBe(302);
  });

  it("revokes the session on sign-out, so the old cookie stops working", async () => {
    const answer = await signIn("ann@alpha.test", TEST_PASSWORD);
    const cookie = answer.headers.get("Set-Cookie")!.split(";")[0]!;
    expect((await call(leads.loader, "/leads", { cookie })).status).toBe(200);
    const out = await call(logout.action, "/logout", { cookie, form: {} });
    expect(out.location).toBe("/login");
    const replay = await call(leads.loader, "/leads", { cookie });
    expect(replay.status).toBe(302);
    expect(replay.location).toMatch(/^\/login/);
  });

  it("never redirects off the site after sign-in", async () => {
    const attempts = [
      "//evil.example/x",
      "/\\evil.example/x",
      "https://evil.example",
      "/\t/evil.example",
    ];
    for (const redirectTo of attempts) {
      const answer = await call(login.action, "/login", {
        form: { email: "ann@alpha.test", password: TEST_PASSWORD, redirectTo },
      });
      expect(answer.location).toBe("/leads");
    }
    const inside = await call(login.action, "/login", {
      form: {
        email: "ann@alpha.test",
        password: TEST_PASSWORD,
        redirectTo: "/leads/7?x=1",
      },
    });
    expect(inside.location).toBe("/leads/7?x=1");
  });
});
