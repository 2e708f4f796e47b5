import { expect } from "vitest";
import { getNotificationPreferences, listNotifications } from "@tandem/db";
import { access, ALPHA, OWNERS, SIGNED_IN, type Actor } from "./actors.js";
import type { Fixtures } from "./fixtures.js";
import { ALPHA_WORK, ANN_NOTICE, REVIEW_NOTE } from "./fixtures-together.js";
import type { Params, Probe } from "./probe.js";

/**
 * Activities, reviews and the notification centre (decision 0017). The
 * table's entries for the working-together routes; see ./table.ts.
 */
export const TOGETHER_ACCESS: Record<string, Probe[]> = {};

const ALPHA_SIDE = [...OWNERS, ...ALPHA];
const PARTNERSHIP = access({ sees: ALPHA_SIDE });
const id = (n: number) => String(n);
const alphaPartner = (f: Fixtures) => ({ partnerId: id(f.t.alpha.id) });
const review = (f: Fixtures) => ({ reviewId: id(f.together.review) });

TOGETHER_ACCESS["partners.$partnerId.activities.tsx"] = [
  { params: alphaPartner, access: PARTNERSHIP, shows: () => ALPHA_WORK },
  {
    params: alphaPartner,
    form: (_f, actor) => ({
      kind: "call",
      title: `Walk call of ${actor}`,
      occurredOn: "2026-01-02",
    }),
    access: PARTNERSHIP,
  },
  {
    // Staff naming another program's partner for a joint activity:
    // bad input. A partner's people name none (the field is ignored).
    name: "with the other program's partner",
    params: alphaPartner,
    form: (f, actor) => ({
      kind: "call",
      title: `Walk joint call of ${actor}`,
      occurredOn: "2026-01-02",
      partnerIds: id(f.t.omega.id),
    }),
    access: access({ sees: ALPHA, invalid: OWNERS }),
  },
];

TOGETHER_ACCESS["partners.$partnerId.reviews.tsx"] = [
  {
    params: alphaPartner,
    access: PARTNERSHIP,
    then(a, _actor, f) {
      const { reviews } = a.body as { reviews: { id: number }[] };
      expect(reviews.map((r) => r.id)).toContain(f.together.review);
    },
  },
  {
    params: alphaPartner,
    form: (_f, actor) => ({
      kind: "quarter",
      at: actor === "ownerAdmin" ? "2023-Q1" : "2023-Q2",
    }),
    access: access({ sees: OWNERS }),
    then: (a) => expect(a.location).toMatch(/^\/reviews\/\d+$/),
  },
];

const intent = (name: string, more?: (f: Fixtures) => Params) => ({
  name,
  params: review,
  form: (f: Fixtures) => ({ intent: name, ...more?.(f) }),
});
const item = (owner: (f: Fixtures) => number) => (f: Fixtures) => ({
  title: "Walk action item",
  ownerId: id(owner(f)),
  dueOn: "2024-08-01",
});
const theItem = (f: Fixtures) => ({ itemId: id(f.together.actionItem) });
TOGETHER_ACCESS["reviews.$reviewId.tsx"] = [
  { params: review, access: PARTNERSHIP, shows: () => REVIEW_NOTE },
  {
    ...intent("note", () => ({ body: "Walk note" })),
    access: PARTNERSHIP,
  },
  {
    ...intent(
      "item",
      item((f) => f.t.users.alphaUser.id),
    ),
    access: access({ sees: OWNERS }),
  },
  {
    // An item's owner is of the partnership: Beta's user is not.
    ...intent(
      "item",
      item((f) => f.t.users.betaUser.id),
    ),
    name: "item for Beta's user",
    access: access({ invalid: OWNERS }),
  },
  { ...intent("done", theItem), access: PARTNERSHIP },
  { ...intent("undone", theItem), access: PARTNERSHIP },
  { ...intent("agree"), access: access({ sees: ALPHA }) },
  {
    ...intent("close"),
    fresh: async (f) => ({ reviewId: id(await f.together.fresh.review()) }),
    access: access({ sees: OWNERS }),
  },
];

const ann = (f: Fixtures) => ({
  programId: f.t.acme.id,
  userId: f.t.users.alphaUser.id,
});
const annsUnread = async (f: Fixtures) =>
  (await listNotifications(f.portal.handle.db, ann(f)))
    .filter((n) => n.readAt === null)
    .map((n) => n.id);
const OWN = access({
  sees: ["alphaUser"],
  apart: SIGNED_IN.filter((a) => a !== "alphaUser"),
});
const notice =
  (name: "read" | "open") =>
  (f: Fixtures, _a: Actor, target: Params | null) => ({
    intent: name,
    notificationId: target?.notificationId ?? id(f.together.notification),
  });
const freshNotice = async (f: Fixtures) => ({
  notificationId: id(await f.together.fresh.notification()),
});
TOGETHER_ACCESS["notifications._index.tsx"] = [
  { access: OWN, shows: () => ANN_NOTICE },
  {
    name: "read",
    fresh: freshNotice,
    form: notice("read"),
    access: access({ sees: ["alphaUser"] }),
  },
  {
    name: "open",
    fresh: freshNotice,
    form: notice("open"),
    access: access({ sees: ["alphaUser"] }),
    then: (a, _actor, f) =>
      expect(a.location).toBe(`/reviews/${f.together.review}`),
  },
  {
    // Everyone marks their own read; Ann's stay unread until she does.
    name: "read-all",
    form: () => ({ intent: "read-all" }),
    access: OWN,
    async then(_a, actor, f) {
      const unread = await annsUnread(f);
      if (actor === "alphaUser") expect(unread).toEqual([]);
      else expect(unread).toContain(f.together.notification);
    },
  },
];

TOGETHER_ACCESS["notifications.preferences.tsx"] = [
  { access: OWN },
  {
    // No box ticked: everything off, for the sender only.
    form: () => ({}),
    access: OWN,
    async then(_a, actor, f) {
      const settings = await getNotificationPreferences(
        f.portal.handle.db,
        ann(f),
      );
      const on = Object.values(settings).map((c) => c.portal && c.email);
      expect(on.every((x) => x === (actor !== "alphaUser"))).toBe(true);
    },
  },
];
