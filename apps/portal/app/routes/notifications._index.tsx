import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  openNotification,
} from "@tandem/db";
import { notFound, requireMember } from "~/lib/auth.server.js";
import { getDb } from "~/lib/db.server.js";
import { parseForm, readForm } from "~/lib/forms.server.js";
import { formatInstant } from "~/lib/instants.server.js";

const actionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.enum(["read", "open"]),
    notificationId: z.coerce.number().int().positive(),
  }),
  z.object({ intent: z.literal("read-all") }),
]);

/** Only paths inside the portal are followed. */
function insidePortal(link: string | null | undefined): string | null {
  return link?.startsWith("/") && !link.startsWith("//") ? link : null;
}

export const meta: MetaFunction = () => [{ title: "Notifications · Tandem" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const rows = await listNotifications(await getDb(), {
    programId: member.program.id,
    userId: member.user.id,
  });
  return {
    notifications: rows.map((n) => ({
      id: n.id,
      title: n.title,
      body: n.body,
      link: insidePortal(n.link),
      at: formatInstant(n.createdAt, member.program.timeZone),
      unread: n.readAt === null,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const member = await requireMember(request);
  const form = parseForm(await readForm(request), actionSchema);
  if (!form.ok) throw new Response("Choose a notification.", { status: 400 });

  const db = await getDb();
  const person = { programId: member.program.id, userId: member.user.id };
  if (form.data.intent === "read-all") {
    await markAllNotificationsRead(db, person);
  } else if (form.data.intent === "open") {
    // Opening marks it read, and works without script: a POST, then
    // a redirect to what it is about.
    const link = await openNotification(db, {
      ...person,
      notificationId: form.data.notificationId,
    });
    if (link === undefined) throw notFound("No such notification.");
    return redirect(insidePortal(link) ?? "/notifications");
  } else if (
    !(await markNotificationRead(db, {
      ...person,
      notificationId: form.data.notificationId,
    }))
  ) {
    throw notFound("No such notification.");
  }
  return redirect("/notifications");
}

export default function Notifications() {
  const { notifications } = useLoaderData<typeof loader>();
  const unread = notifications.filter((n) => n.unread).length;
  return (
    <section>
      <h1>Notifications</h1>
      <p>
        {unread === 0 ? "Nothing unread." : `${unread} unread.`}{" "}
        <Link to="/notifications/preferences">Choose what you are told</Link>
      </p>
      {unread > 0 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="read-all" />
          <button type="submit">Mark all read</button>
        </Form>
      ) : null}
      {notifications.length === 0 ? (
        <p>No notifications yet.</p>
      ) : (
        <ul aria-label="Notifications" className="notifications">
          {notifications.map((n) => (
            <li key={n.id} className={n.unread ? "unread" : undefined}>
              <Form method="post" className="inline">
                <input type="hidden" name="notificationId" value={n.id} />
                <strong>{n.unread ? "Unread: " : ""}</strong>
                {n.link ? (
                  <button
                    type="submit"
                    name="intent"
                    value="open"
                    className="link"
                  >
                    {n.title}
                  </button>
                ) : (
                  <strong>{n.title}</strong>
                )}
                {n.unread ? (
                  <button type="submit" name="intent" value="read">
                    Mark read
                    <span className="visually-hidden">: {n.title}</span>
                  </button>
                ) : null}
              </Form>
              <p>
                <small>{n.at}</small> · {n.body}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
