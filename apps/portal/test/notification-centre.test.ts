import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifyPeople, type Database } from "@tandem/db";
import * as root from "~/root.js";
import * as centre from "~/routes/notifications._index.js";
import * as preferences from "~/routes/notifications.preferences.js";
import { call, cookieFor, startPortal, type TestPortal } from "./harness.js";

let portal: TestPortal;
let cookies: Record<string, string>;

type Centre = Awaited<ReturnType<typeof centre.loader>>;
type Prefs = Awaited<ReturnType<typeof preferences.loader>>;

async function tell(
  programId: number,
  userIds: number[],
  title: string,
  kind: "review_opened" | "rating_due" = "review_opened",
) {
  const db: Database = portal.handle.db;
  await db.transaction((tx) =>
    notifyPeople(tx, {
      programId,
      kind,
      userIds,
      title,
      body: `${title}, in words.`,
      link: "/reviews/1",
    }),
  );
}

function checked(values: string[]): FormData {
  const form = new FormData();
  for (const value of values) form.append("on", value);
  return form;
}

async function listed(who: string): Promise<Centre["notifications"]> {
  const answer = await call(centre.loader, "/notifications", {
    cookie: cookies[who],
  });
  expect(answer.status).toBe(200);
  return (answer.body as Centre).notifications;
}

async function unreadInNav(who: string): Promise<number> {
  const answer = await call(root.loader, "/", { cookie: cookies[who] });
  return (answer.body as { user: { unread: number } }).user.unread;
}

beforeAll(async () => {
  portal = await startPortal();
  cookies = {};
  for (const [name, user] of Object.entries(portal.t.users)) {
    cookies[name] = await cookieFor(portal.handle, user.id);
  }
}, 120_000);
afterAll(() => portal.close());

describe("the notification centre", () => {
  it("lists one's own notifications, newest first, and counts the unread", async () => {
    const { t } = portal;
    await tell(t.acme.id, [t.users.alphaUser.id], "First for Ann");
    await tell(t.acme.id, [t.users.alphaUser.id], "Second for Ann");
    await tell(t.acme.id, [t.users.betaUser.id], "Secret for Bob");
    await tell(t.other.id, [t.users.omegaUser.id], "Secret for Oz");

    const ann = await listed("alphaUser");
    expect(ann.map((n) => [n.title, n.unread])).toEqual([
      ["Second for Ann", true],
      ["First for Ann", true],
    ]);
    expect(await unreadInNav("alphaUser")).toBe(2);
    expect((await listed("alphaAdmin")).length).toBe(0);
    expect(JSON.stringify(await listed("betaUser"))).not.toContain("Ann");
    expect((await listed("omegaUser")).map((n) => n.title)).toEqual([
      "Secret for Oz",
    ]);
  });

  it("marks one read, refuses another person's, then marks all read", async () => {
    const { t } = portal;
    const [second, first] = await listed("alphaUser");
    const bobs = (await listed("betaUser"))[0]!;
    const foreign = await call(centre.action, "/notifications", {
      cookie: cookies.alphaUser,
      form: { intent: "read", notificationId: String(bobs.id) },
    });
    expect(foreign.status).toBe(404);
    expect((await listed("betaUser"))[0]!.unread).toBe(true);

    const one = await call(centre.action, "/notifications", {
      cookie: cookies.alphaUser,
      form: { intent: "read", notificationId: String(first!.id) },
    });
    expect(one.location).toBe("/notifications");
    expect((await listed("alphaUser")).map((n) => n.unread)).toEqual([
      true,
      false,
    ]);
    expect(await unreadInNav("alphaUser")).toBe(1);
    expect(second!.unread).toBe(true);

    const foreignOpen = await call(centre.action, "/notifications", {
      cookie: cookies.alphaUser,
      form: { intent: "open", notificationId: String(bobs.id) },
    });
    expect(foreignOpen.status).toBe(404);
    const opened = await call(centre.action, "/notifications", {
      cookie: cookies.alphaUser,
      form: { intent: "open", notificationId: String(second!.id) },
    });
    expect(opened.location).toBe("/reviews/1");
    expect(await unreadInNav("alphaUser")).toBe(0);
    await tell(t.acme.id, [t.users.alphaUser.id], "Third for Ann");
    await call(centre.action, "/notifications", {
      cookie: cookies.alphaUser,
      form: { intent: "read-all" },
    });
    expect(await unreadInNav("alphaUser")).toBe(0);
    expect(await unreadInNav("betaUser")).toBe(1);
    const bad = await call(centre.action, "/notifications", {
      cookie: cookies.alphaUser,
      form: { intent: "read", notificationId: "x" },
    });
    expect(bad.status).toBe(400);
  });

  it("honours each person's choice of kinds and channels", async () => {
    const { t } = portal;
    const saved = await call(preferences.action, "/notifications/preferences", {
      cookie: cookies.ownerStaff,
      // review_opened off in the portal; rating_due left out: off on both.
      form: checked([
        "review_opened:email",
        "lead_submitted:portal",
        "lead_submitted:email",
      ]),
    });
    expect(saved.location).toBe("/notifications/preferences?saved");
    const shown = await call(preferences.loader, "/notifications/preferences", {
      cookie: cookies.ownerStaff,
    });
    const settings = (shown.body as Prefs).settings;
    expect(settings.review_opened).toEqual({ portal: false, email: true });
    expect(settings.rating_due).toEqual({ portal: false, email: false });
    expect(settings.lead_submitted).toEqual({ portal: true, email: true });
    // Another person's preferences are untouched.
    const admin = await call(preferences.loader, "/notifications/preferences", {
      cookie: cookies.ownerAdmin,
    });
    expect((admin.body as Prefs).settings.review_opened).toEqual({
      portal: true,
      email: true,
    });

    const staffId = t.users.ownerStaff.id;
    const adminId = t.users.ownerAdmin.id;
    await tell(t.acme.id, [staffId, adminId], "Review opened");
    await tell(t.acme.id, [staffId, adminId], "Rating due", "rating_due");
    expect((await listed("ownerStaff")).map((n) => n.title)).toEqual([]);
    expect((await listed("ownerAdmin")).map((n) => n.title)).toEqual([
      "Rating due",
      "Review opened",
    ]);
  });

  it.each([
    [["bogus:portal"], /bogus:portal/],
    [["lead_decided:sms", "review_opened:email"], /lead_decided:sms/],
    [
      ["lead_decided", "rating_due:portal"],
      /no notification setting lead_decided;/,
    ],
  ])("refuses %j, leaving the settings as they were", async (boxes, named) => {
    const shown = () =>
      call(preferences.loader, "/notifications/preferences", {
        cookie: cookies.betaUser,
      }).then((a) => (a.body as Prefs).settings);
    const before = await shown();
    const answer = await call(
      preferences.action,
      "/notifications/preferences",
      { cookie: cookies.betaUser, form: checked(boxes) },
    );
    expect(answer.status).toBe(400);
    const errors = (answer.body as { errors: { form: string[] } }).errors;
    expect(errors.form.join(" ")).toMatch(named);
    expect(await shown()).toEqual(before);
    expect(before.lead_decided).toEqual({ portal: true, email: true });
  });

  it("shows nothing to nobody", async () => {
    for (const route of [centre.loader, preferences.loader]) {
      const answer = await call(route, "/notifications");
      expect(answer.status).toBe(302);
      expect(answer.location).toMatch(/^\/login/);
    }
  });
});
