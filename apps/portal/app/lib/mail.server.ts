import nodemailer, { type Transporter } from "nodemailer";
import {
  claimDueMail,
  markMailFailed,
  markMailSent,
  type Database,
} from "@tandem/db";
import { env } from "./env.server.js";
import { withAbsoluteLinks } from "./links.server.js";
import { logger } from "./logger.server.js";

export interface Mailer {
  transport: Pick<Transporter, "sendMail">;
  from: string;
  /** The portal's public address, for the links in notifications. */
  base: string;
}

/**
 * Sends the outbox's due messages once. Safe to run from several
 * processes at once: each message is claimed by one run (see
 * claimDueMail). Logs ids and counts, never an address or a body.
 */
export async function deliverDueMail(
  db: Database,
  mailer: Mailer,
  { now = new Date() }: { now?: Date } = {},
): Promise<{ sent: number; failed: number }> {
  const due = await claimDueMail(db, { now });
  let sent = 0;
  let failed = 0;
  for (const message of due) {
    try {
      await mailer.transport.sendMail({
        from: mailer.from,
        to: message.toAddress,
        subject: message.subject,
        text: withAbsoluteLinks(message.textBody, mailer.base),
      });
      await markMailSent(db, { id: message.id, now: new Date() });
      sent += 1;
    } catch (error) {
      failed += 1;
      const reason = describe(error);
      await markMailFailed(db, {
        id: message.id,
        attempts: message.attempts,
        error: reason,
        now: new Date(),
      });
      logger.warn(
        { messageId: message.id, attempts: message.attempts, reason },
        "Mail not sent; will try again later",
      );
    }
  }
  if (sent > 0) logger.info({ sent }, "Mail sent");
  return { sent, failed };
}

/** An SMTP error's code and response line carry no address or body. */
function describe(error: unknown): string {
  if (error && typeof error === "object") {
    const e = error as { code?: unknown; responseCode?: unknown };
    const parts = [e.code, e.responseCode].filter(
      (p) => typeof p === "string" || typeof p === "number",
    );
    if (parts.length > 0) return `SMTP error ${parts.join(" ")}`;
  }
  return "SMTP error";
}

/** The configured mailer, or null when mail stays in the outbox. */
export function configuredMailer(): Mailer | null {
  const { SMTP_URL, MAIL_FROM, PUBLIC_URL } = env();
  if (!SMTP_URL || !MAIL_FROM || !PUBLIC_URL) return null;
  return {
    transport: nodemailer.createTransport(SMTP_URL),
    from: MAIL_FROM,
    base: PUBLIC_URL,
  };
}

let timer: NodeJS.Timeout | undefined;
let running: Promise<unknown> | undefined;

/** Delivers every `everyMs` while the process runs (not in the way of exit). */
export function startMailDelivery(
  db: Database,
  mailer: Mailer,
  everyMs = 15_000,
): void {
  if (timer) return;
  const tick = () => {
    if (running) return;
    running = deliverDueMail(db, mailer)
      .catch((error: unknown) => {
        logger.error({ err: describe(error) }, "Mail delivery run failed");
      })
      .finally(() => {
        running = undefined;
      });
  };
  timer = setInterval(tick, everyMs);
  timer.unref();
  tick();
}

export async function stopMailDelivery(): Promise<void> {
  if (timer) clearInterval(timer);
  timer = undefined;
  await running;
}
