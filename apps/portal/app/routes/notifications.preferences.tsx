import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import {
  getNotificationPreferences,
  setNotificationPreferences,
  type NotificationSettings,
} from "@tandem/db";
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  type NotificationKind,
} from "@tandem/db/values";
import { FormError } from "~/components/field.js";
import { requireMember } from "~/lib/auth.server.js";
import { getDb } from "~/lib/db.server.js";
import { formList, readForm } from "~/lib/forms.server.js";
import { logger } from "~/lib/logger.server.js";

const KIND_LABELS: Record<NotificationKind, string> = {
  lead_submitted: "A lead is submitted",
  lead_decided: "A lead is decided",
  lead_expiring: "A lead is about to expire",
  lead_commented: "A lead is commented on",
  rating_due: "A rating is due",
  review_opened: "A review opens",
  review_updated:
    "A review changes: a note or comment, an action item for you, agreement, closing",
};

const CHANNEL_LABELS = { portal: "In the portal", email: "By email" };

/** Every box the grid has, as `kind:channel`. */
const BOXES = new Set<string>(
  NOTIFICATION_KINDS.flatMap((kind) =>
    NOTIFICATION_CHANNELS.map((channel) => `${kind}:${channel}`),
  ),
);

export const meta: MetaFunction = () => [
  { title: "Notification settings · Tandem" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const settings = await getNotificationPreferences(await getDb(), {
    programId: member.program.id,
    userId: member.user.id,
  });
  return {
    settings,
    saved: new URL(request.url).searchParams.has("saved"),
  };
}

/**
 * A checkbox grid: a box sent means on, a box missing means off, so
 * the form needs no script and every kind is always saved.
 */
export async function action({ request }: ActionFunctionArgs) {
  const member = await requireMember(request);
  const form = await readForm(request);
  const on = new Set(formList(form, "on"));
  // Saving the whole grid from a post of unknown boxes would turn every
  // notification off, so it is refused and nothing changes.
  const unknown = [...on].filter((box) => !BOXES.has(box));
  if (unknown.length > 0) {
    const message =
      `There is no notification setting ${unknown.join(", ")}; ` +
      "choose among the kinds and channels shown. Nothing was saved.";
    return data({ errors: { form: [message] }, on: [...on] }, 400);
  }

  const settings = {} as NotificationSettings;
  for (const kind of NOTIFICATION_KINDS) {
    settings[kind] = { portal: false, email: false };
    for (const channel of NOTIFICATION_CHANNELS) {
      settings[kind][channel] = on.has(`${kind}:${channel}`);
    }
  }
  await setNotificationPreferences(await getDb(), {
    programId: member.program.id,
    userId: member.user.id,
    settings,
  });
  logger.info(
    { programId: member.program.id },
    "Notification preferences saved",
  );
  return redirect("/notifications/preferences?saved");
}

export default function NotificationPreferences() {
  const { settings, saved } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  // A refused post shows the boxes as they were sent, not as saved.
  const sent = refused ? new Set(refused.on) : null;
  return (
    <section>
      <h1>Notification settings</h1>
      {saved ? (
        <p className="notice" role="status">
          Saved.
        </p>
      ) : null}
      <p>
        Choose what you are told, and how.{" "}
        <Link to="/notifications">Back to notifications</Link>
      </p>
      <Form method="post" className="stack">
        <FormError errors={refused?.errors} />
        {NOTIFICATION_KINDS.map((kind) => (
          <fieldset key={kind}>
            <legend>{KIND_LABELS[kind]}</legend>
            {NOTIFICATION_CHANNELS.map((channel) => (
              <label key={channel} className="check">
                <span>
                  <input
                    type="checkbox"
                    name="on"
                    value={`${kind}:${channel}`}
                    defaultChecked={
                      sent
                        ? sent.has(`${kind}:${channel}`)
                        : settings[kind][channel]
                    }
                  />{" "}
                  {CHANNEL_LABELS[channel]}
                </span>
              </label>
            ))}
          </fieldset>
        ))}
        <button type="submit">Save notification settings</button>
      </Form>
    </section>
  );
}
