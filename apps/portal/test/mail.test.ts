import type { AddressInfo } from "node:net";
import { eq, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { enqueueMail, notifyPeople } from "@tandem/db";
import { outboxMessages } from "@tandem/db/schema";
import { deliverDueMail, type Mailer } from "~/lib/mail.server.js";
import { outboxText, withAbsoluteLinks } from "~/lib/links.server.js";
import { logger } from "~/lib/logger.server.js";
import * as outbox from "~/routes/outbox.js";
import { call, cookieFor, startPortal, type TestPortal } from "./harness.js";

interface Received {
  from: string;
  to: string[];
  raw: string;
}

let portal: TestPortal;
let server: SMTPServer;
let port: number;
const received: Received[] = [];
/** While set, the server refuses every message with this code. */
let refuseWith: number | null = null;

beforeAll(async () => {
  portal = await startPortal();
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (refuseWith !== null) {
          const error = Object.assign(new Error("Mailbox unavailable"), {
            responseCode: refuseWith,
          });
          callback(error);
          return;
        }
        received.push({
          from: session.envelope.mailFrom
            ? session.envelope.mailFrom.address
            : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as AddressInfo).port;
}, 120_000);
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await portal.close();
});

function mailer(): Mailer {
  return {
    transport: nodemailer.createTransport({
      host: "127.0.0.1",
      port,
      secure: false,
      ignoreTLS: true,
    }),
    from: "Tandem <noreply@tandem.test>",
    base: "https://partners.example",
  };
}

async function queue(to: string, subject: string) {
  await portal.handle.db.transaction((tx) =>
    enqueueMail(tx, {
      programId: portal.t.acme.id,
      toAddress: to,
      subject,
      text: `Hello ${to}\nhttp://localhost/x?token=abc`,
    }),
  );
}

/**
 * "Now" for a delivery run, a second on: PostgreSQL stamps a queued row
 * in microseconds and a Date holds milliseconds, so a run started in the
 * same millisecond as the insert could fall just before it.
 */
function aMomentLater(): Date {
  return new Date(Date.now() + 1000);
}

async function row(subject: string) {
  const [found] = await portal.handle.db
    .select()
    .from(outboxMessages)
    .where(eq(outboxMessages.subject, subject));
  return found!;
}

describe("mail delivery", () => {
  it("sends due mail through SMTP once, even from two runs at once", async () => {
    await queue("first@alpha.test", "First");
    await queue("second@alpha.test", "Second");
    const results = await Promise.all([
      deliverDueMail(portal.handle.db, mailer(), { now: aMomentLater() }),
      deliverDueMail(portal.handle.db, mailer(), { now: aMomentLater() }),
    ]);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(2);
    expect(
      received
        .map((r) => r.to)
        .flat()
        .sort(),
    ).toEqual(["first@alpha.test", "second@alpha.test"]);
    const first = received.find((r) => r.to[0] === "first@alpha.test")!;
    expect(first.from).toBe("noreply@tandem.test");
    expect(first.raw).toContain("Subject: First");
    expect(first.raw).toContain("Hello first@alpha.test");
    expect((await row("First")).sentAt).not.toBeNull();

    // Nothing left: another run sends nothing again.
    expect(
      await deliverDueMail(portal.handle.db, mailer(), { now: aMomentLater() }),
    ).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(received).toHaveLength(2);
  });

  it("sends a notification's portal path as a whole address", async () => {
    await portal.handle.db.transaction((tx) =>
      notifyPeople(tx, {
        programId: portal.t.acme.id,
        kind: "lead_decided",
        userIds: [portal.t.users.alphaUser.id],
        title: "Linked notice",
        body: "Your lead was accepted.",
        link: "/leads/12",
      }),
    );
    await deliverDueMail(portal.handle.db, mailer(), { now: aMomentLater() });
    const sent = received.find((r) => r.raw.includes("Subject: Linked notice"));
    expect(sent!.raw).toContain("https://partners.example/leads/12");
    // The outbox keeps the path; the page shows the whole address too.
    expect((await row("Linked notice")).textBody).toMatch(/\n\/leads\/12$/);
  });

  it("makes only a portal path absolute, not other lines", () => {
    const text =
      "See\n/leads/12\n//evil.example/x\nnot /a/path\nhttps://x.test/y";
    expect(
      withAbsoluteLinks(text, "https://partners.example").split("\n"),
    ).toEqual([
      "See",
      "https://partners.example/leads/12",
      "//evil.example/x",
      "not /a/path",
      "https://x.test/y",
    ]);
  });

  it("keeps a refused message, records why and tries later, never logging an address", async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(logger, "warn").mockImplementation(((
      obj: unknown,
      msg?: string,
    ) => {
      lines.push(JSON.stringify(obj) + (msg ?? ""));
    }) as typeof logger.warn);
    refuseWith = 550;
    await queue("refused@alpha.test", "Refused");
    const now = aMomentLater();
    expect(await deliverDueMail(portal.handle.db, mailer(), { now })).toEqual({
      sent: 0,
      failed: 1,
    });
    const failed = await row("Refused");
    expect(failed.sentAt).toBeNull();
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toContain("550");
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(now.getTime());
    expect(lines.join("\n")).not.toContain("refused@alpha.test");
    expect(lines.join("\n")).not.toContain("token");
    spy.mockRestore();

    // Not before its time; then it goes.
    refuseWith = null;
    expect(
      (await deliverDueMail(portal.handle.db, mailer(), { now })).sent,
    ).toBe(0);
    const later = new Date(failed.nextAttemptAt.getTime() + 1000);
    expect(
      (await deliverDueMail(portal.handle.db, mailer(), { now: later })).sent,
    ).toBe(1);
    expect((await row("Refused")).sentAt).not.toBeNull();
    expect(received.at(-1)!.to).toEqual(["refused@alpha.test"]);
  });

  it("shows the program's outbox to its owner admins only", async () => {
    await portal.handle.db.transaction((tx) =>
      enqueueMail(tx, {
        programId: portal.t.other.id,
        toAddress: "oz@omega.test",
        subject: "Other program's mail",
        text: "omega only",
      }),
    );
    const admin = await cookieFor(portal.handle, portal.t.users.ownerAdmin.id);
    const page = await call(outbox.loader, "/outbox", { cookie: admin });
    expect(page.status).toBe(200);
    const text = JSON.stringify(page.body);
    expect(text).toContain("first@alpha.test");
    expect(text).toContain('"state":"sent"');
    expect(text).toContain("token=abc");
    // A notification's path, as a whole address of this portal.
    expect(text).toContain("http://localhost/leads/12");
    expect(text).not.toContain("oz@omega.test");
    expect(text).not.toContain("omega only");
    for (const who of ["ownerStaff", "alphaAdmin", "otherStaff"] as const) {
      const cookie = await cookieFor(portal.handle, portal.t.users[who].id);
      const refused = await call(outbox.loader, "/outbox", { cookie });
      expect(refused.status).toBe(403);
      expect(String(refused.body)).not.toContain("first@alpha.test");
    }
  });

  it("pages through the outbox without skipping or repeating", async () => {
    const db = portal.handle.db;
    for (let i = 0; i < 60; i += 1) {
      await db.transaction((tx) =>
        enqueueMail(tx, {
          programId: portal.t.acme.id,
          toAddress: `paged-${i}@alpha.test`,
          subject: `Paged ${i}`,
          text: "one of many",
        }),
      );
    }
    const admin = await cookieFor(portal.handle, portal.t.users.ownerAdmin.id);
    type Page = {
      messages: { id: number; subject: string }[];
      nextPage: string | null;
      isFirstPage: boolean;
    };
    const read = async (path: string) => {
      const answer = await call(outbox.loader, path, { cookie: admin });
      expect(answer.status).toBe(200);
      return answer.body as Page;
    };
    const first = await read("/outbox");
    expect(first.messages).toHaveLength(50);
    expect(first.messages[0]!.subject).toBe("Paged 59");
    const second = await read(first.nextPage!);
    expect(second.isFirstPage).toBe(false);
    const ids = [...first.messages, ...second.messages].map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    const [all] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(outboxMessages)
      .where(eq(outboxMessages.programId, portal.t.acme.id));
    expect(ids).toHaveLength(Number(all!.n));
    expect(second.nextPage).toBeNull();
    // An unreadable page is the first one, not an error.
    expect((await read("/outbox?before=abc")).isFirstPage).toBe(true);
  });

  it("shows owner admins a reset link only on the embedded database", async () => {
    const text =
      "Open this link:\nhttp://localhost/password/reset?token=s3cret";
    const hidden = outboxText(text, {
      base: "http://localhost",
      showResetLinks: false,
    });
    expect(hidden).not.toContain("s3cret");
    expect(hidden).toContain("only its recipient may see it");
    expect(
      outboxText(text, { base: "http://localhost", showResetLinks: true }),
    ).toContain("token=s3cret");

    // The page follows the database this run uses.
    await portal.handle.db.transaction((tx) =>
      enqueueMail(tx, {
        programId: portal.t.acme.id,
        toAddress: "ann@alpha.test",
        subject: "Reset your Tandem password",
        text,
      }),
    );
    const admin = await cookieFor(portal.handle, portal.t.users.ownerAdmin.id);
    const page = await call(outbox.loader, "/outbox", { cookie: admin });
    const embedded = !process.env.DATABASE_URL;
    expect(JSON.stringify(page.body).includes("token=s3cret")).toBe(embedded);
  });
});
