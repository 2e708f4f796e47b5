import { and, count, desc, eq, isNull } from "drizzle-orm";
import { recordAudit } from "./audit.js";
import type { Database } from "./client.js";
import { notificationPreferences, notifications } from "./schema/index.js";
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  type NotificationChannel,
  type NotificationKind,
} from "./values.js";

interface Person {
  programId: number;
  userId: number;
}

function mine({ programId, userId }: Person) {
  return and(
    eq(notifications.programId, programId),
    eq(notifications.userId, userId),
  );
}

/** A person's notifications in one program, newest first. */
export async function listNotifications(
  db: Database,
  input: Person & { limit?: number },
) {
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(mine(input))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(input.limit ?? 100);
}

export async function countUnreadNotifications(
  db: Database,
  input: Person,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(mine(input), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

/** Marks one of the person's own notifications read; false if not theirs. */
export async function markNotificationRead(
  db: Database,
  input: Person & { notificationId: number },
): Promise<boolean> {
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        mine(input),
        eq(notifications.id, input.notificationId),
        isNull(notifications.readAt),
      ),
    )
    .returning({ id: notifications.id });
  if (rows.length > 0) return true;
  const [exists] = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(mine(input), eq(notifications.id, input.notificationId)));
  return exists !== undefined;
}

/**
 * Marks one of the person's notifications read and gives its link
 * (null when it has none); undefined when it is not theirs.
 */
export async function openNotification(
  db: Database,
  input: Person & { notificationId: number },
): Promise<string | null | undefined> {
  const [row] = await db
    .select({ link: notifications.link })
    .from(notifications)
    .where(and(mine(input), eq(notifications.id, input.notificationId)));
  if (!row) return undefined;
  await markNotificationRead(db, input);
  return row.link;
}

export async function markAllNotificationsRead(
  db: Database,
  input: Person,
): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(mine(input), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

export type NotificationSettings = Record<
  NotificationKind,
  Record<NotificationChannel, boolean>
>;

/** Every kind on every channel: on unless the person turned it off. */
export async function getNotificationPreferences(
  db: Database,
  input: Person,
): Promise<NotificationSettings> {
  const rows = await db
    .select()
    .from(notificationPreferences)
    .where(
      and(
        eq(notificationPreferences.programId, input.programId),
        eq(notificationPreferences.userId, input.userId),
      ),
    );
  const settings = {} as NotificationSettings;
  for (const kind of NOTIFICATION_KINDS) {
    settings[kind] = { portal: true, email: true };
    for (const channel of NOTIFICATION_CHANNELS) {
      const row = rows.find((r) => r.kind === kind && r.channel === channel);
      if (row) settings[kind][channel] = row.enabled;
    }
  }
  return settings;
}

/** Stores the whole grid of a person's choices in one transaction. */
export async function setNotificationPreferences(
  db: Database,
  input: Person & { settings: NotificationSettings },
): Promise<void> {
  await db.transaction(async (tx) => {
    const values = NOTIFICATION_KINDS.flatMap((kind) =>
      NOTIFICATION_CHANNELS.map((channel) => ({
        programId: input.programId,
        userId: input.userId,
        kind,
        channel,
        enabled: input.settings[kind][channel],
      })),
    );
    for (const value of values) {
      await tx
        .insert(notificationPreferences)
        .values(value)
        .onConflictDoUpdate({
          target: [
            notificationPreferences.userId,
            notificationPreferences.programId,
            notificationPreferences.kind,
            notificationPreferences.channel,
          ],
          set: { enabled: value.enabled },
        });
    }
    const off = values
      .filter((v) => !v.enabled)
      .map((v) => `${v.kind}:${v.channel}`);
    await recordAudit(tx, {
      programId: input.programId,
      actorId: input.userId,
      kind: "notifications.preferences_set",
      summary: `Set notification preferences (${off.length} turned off)`,
      details: { off },
    });
  });
}
