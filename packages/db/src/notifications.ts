import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "./client.js";
import {
  memberships,
  notificationPreferences,
  notifications,
  outboxMessages,
  users,
} from "./schema/index.js";
import type { NotificationKind } from "./values.js";

type Tx = Pick<Database, "insert" | "select">;

export interface MailInput {
  programId: number | null;
  userId?: number | null;
  toAddress: string;
  subject: string;
  text: string;
}

/**
 * Queue a mail in the caller's transaction. Invitations and password
 * resets come here directly (a person cannot turn those off);
 * notifications come through notifyPeople.
 */
export async function enqueueMail(tx: Tx, mail: MailInput): Promise<void> {
  await tx.insert(outboxMessages).values({
    programId: mail.programId,
    userId: mail.userId ?? null,
    toAddress: mail.toAddress,
    subject: mail.subject,
    textBody: mail.text,
  });
}

export interface Notice {
  programId: number;
  kind: NotificationKind;
  /** Who is told; the author of the change is usually left out. */
  userIds: readonly number[];
  title: string;
  body: string;
  /** A path inside the portal, such as `/leads/12`. */
  link: string | null;
}

/**
 * Tell people in the portal and by mail, each as their preferences say
 * (every kind is on for both channels until a person turns it off).
 * Call inside the transaction of the change.
 */
export async function notifyPeople(tx: Tx, notice: Notice): Promise<void> {
  const userIds = [...new Set(notice.userIds)];
  if (userIds.length === 0) return;
  const off = await tx
    .select({
      userId: notificationPreferences.userId,
      channel: notificationPreferences.channel,
    })
    .from(notificationPreferences)
    .where(
      and(
        eq(notificationPreferences.programId, notice.programId),
        eq(notificationPreferences.kind, notice.kind),
        eq(notificationPreferences.enabled, false),
        inArray(notificationPreferences.userId, userIds),
      ),
    );
  const isOff = (userId: number, channel: string) =>
    off.some((row) => row.userId === userId && row.channel === channel);

  const inPortal = userIds.filter((userId) => !isOff(userId, "portal"));
  if (inPortal.length > 0) {
    await tx.insert(notifications).values(
      inPortal.map((userId) => ({
        programId: notice.programId,
        userId,
        kind: notice.kind,
        title: notice.title,
        body: notice.body,
        link: notice.link,
      })),
    );
  }
  const byMail = userIds.filter((userId) => !isOff(userId, "email"));
  if (byMail.length > 0) {
    const recipients = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(inArray(users.id, byMail));
    for (const recipient of recipients) {
      await enqueueMail(tx, {
        programId: notice.programId,
        userId: recipient.id,
        toAddress: recipient.email,
        subject: notice.title,
        text: notice.link ? `${notice.body}\n\n${notice.link}` : notice.body,
      });
    }
  }
}

/** The owner's people of a program (admins and staff). */
export async function ownerPeopleOf(
  tx: Pick<Database, "select">,
  programId: number,
): Promise<number[]> {
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.programId, programId),
        isNull(memberships.partnerId),
        inArray(memberships.role, ["owner_admin", "owner_staff"]),
      ),
    );
  return rows.map((row) => row.userId);
}

/** The people of one partner in a program (partner admins and users). */
export async function partnerPeopleOf(
  tx: Pick<Database, "select">,
  programId: number,
  partnerId: number,
): Promise<number[]> {
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.programId, programId),
        eq(memberships.partnerId, partnerId),
      ),
    );
  return rows.map((row) => row.userId);
}
