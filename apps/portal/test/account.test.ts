import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyLogin } from "@tandem/db";
import { TEST_PASSWORD } from "@tandem/db/testing";
import * as account from "~/routes/account.js";
import * as leads from "~/routes/leads._index.js";
import * as login from "~/routes/login.js";
import { call, cookieFor, startPortal, type TestPortal } from "./harness.js";

let portal: TestPortal;

beforeAll(async () => {
  portal = await startPortal();
}, 120_000);
afterAll(() => portal.close());

const signedIn = async (cookie: string) =>
  (await call(leads.loader, "/leads", { cookie })).status === 200;

function changeForm(current: string, password: string, confirm = password) {
  return { intent: "password", current, password, confirm };
}

describe("your account", () => {
  it("lists the person's own sessions, with no session id in the page", async () => {
    const { alphaUser, betaUser } = portal.t.users;
    const here = await cookieFor(portal.handle, alphaUser.id);
    await cookieFor(portal.handle, alphaUser.id);
    await cookieFor(portal.handle, betaUser.id);
    const page = await call(account.loader, "/account", { cookie: here });
    expect(page.status).toBe(200);
    const body = page.body as Awaited<ReturnType<typeof account.loader>>;
    expect(body.email).toBe(alphaUser.email);
    expect(body.sessions).toHaveLength(2);
    expect(body.sessions.filter((s) => s.current)).toHaveLength(1);
    expect(body.sessions[0]!.started).toMatch(
      /^\d{4}-\d{2}-\d{2}, \d{2}:\d{2}$/,
    );
    const id = decodeURIComponent(here.split("=")[1]!).split(".")[0]!;
    expect(JSON.stringify(body)).not.toContain(id);
  });

  it("names each session's browser as it signed in", async () => {
    const { omegaUser } = portal.t.users;
    const signIn = (userAgent: string) =>
      call(login.action, "/login", {
        form: {
          email: omegaUser.email,
          password: TEST_PASSWORD,
          redirectTo: "/account",
        },
        headers: { "User-Agent": userAgent },
      });
    await signIn(
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0",
    );
    const answer = await signIn(
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
    );
    const cookie = answer.headers.get("Set-Cookie")!.split(";")[0]!;
    const page = await call(account.loader, "/account", { cookie });
    const body = page.body as Awaited<ReturnType<typeof account.loader>>;
    expect(body.sessions.map((s) => [s.browser, s.current])).toEqual([
      ["Chrome 131 on Linux", true],
      ["Firefox 128 on Windows", false],
    ]);
  });

  it("signs out of every other browser, not this one", async () => {
    const userId = portal.t.users.betaUser.id;
    const here = await cookieFor(portal.handle, userId);
    const there = await cookieFor(portal.handle, userId);
    const answer = await call(account.action, "/account", {
      cookie: here,
      form: { intent: "sign-out-others" },
    });
    expect(answer).toMatchObject({
      status: 302,
      location: "/account?done=signed-out",
    });
    expect(await signedIn(here)).toBe(true);
    expect(await signedIn(there)).toBe(false);
  });

  it.each([
    [
      changeForm("", "a long new secret"),
      "current",
      "Give your current password.",
    ],
    [changeForm(TEST_PASSWORD, "short"), "password", "at least 10"],
    [
      changeForm(TEST_PASSWORD, "a long new secret", "another secret"),
      "confirm",
      "The two passwords differ.",
    ],
    [changeForm("not it at all", "a long new secret"), "current", "not right"],
    [
      changeForm(TEST_PASSWORD, TEST_PASSWORD),
      "password",
      "The new password is the same as the current one.",
    ],
  ])(
    "refuses %o, naming the field, and keeps the password",
    async (form, field, message) => {
      const { id, email } = portal.t.users.ownerStaff;
      const answer = await call(account.action, "/account", {
        cookie: await cookieFor(portal.handle, id),
        form,
      });
      expect(answer.status).toBe(400);
      const errors = (answer.body as { errors: Record<string, string[]> })
        .errors;
      expect(errors[field]!.join(" ")).toContain(message);
      const db = portal.handle.db;
      expect(
        await verifyLogin(db, { email, password: TEST_PASSWORD }),
      ).not.toBe(null);
    },
  );

  it("counts wrong current passwords as failed sign-ins", async () => {
    const { id } = portal.t.users.omegaUser;
    const cookie = await cookieFor(portal.handle, id);
    const context = { clientAddress: "203.0.113.9" };
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const answer = await call(account.action, "/account", {
        cookie,
        context,
        form: changeForm(`guess number ${i}`, "a long new secret"),
      });
      statuses.push(answer.status);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    // Locked out, even with the right one.
    const right = await call(account.action, "/account", {
      cookie,
      context,
      form: changeForm(TEST_PASSWORD, "a long new secret"),
    });
    expect(right.status).toBe(429);
    expect(right.headers.get("Retry-After")).toMatch(/^\d+$/);
  });

  it("changes the password, keeps this browser and signs out the others", async () => {
    const { id, email } = portal.t.users.alphaAdmin;
    const here = await cookieFor(portal.handle, id);
    const there = await cookieFor(portal.handle, id);
    const answer = await call(account.action, "/account", {
      cookie: here,
      form: changeForm(TEST_PASSWORD, "a long new secret"),
    });
    expect(answer).toMatchObject({
      status: 302,
      location: "/account?done=password",
    });
    expect(await signedIn(here)).toBe(true);
    expect(await signedIn(there)).toBe(false);
    const db = portal.handle.db;
    expect(
      await verifyLogin(db, { email, password: "a long new secret" }),
    ).not.toBe(null);
    expect(await verifyLogin(db, { email, password: TEST_PASSWORD })).toBe(
      null,
    );
  });

  it("sends nobody to sign in", async () => {
    const page = await call(account.loader, "/account");
    expect(page.status).toBe(302);
    expect(page.location).toBe("/login?redirectTo=%2Faccount");
  });
});
