import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listOutbox } from "@tandem/db";
import { requireOwnerAdmin } from "~/lib/auth.server.js";
import { getDb } from "~/lib/db.server.js";
import { env } from "~/lib/env.server.js";
import { queryId } from "~/lib/forms.server.js";
import { formatInstant } from "~/lib/instants.server.js";
import { mailBase, outboxText } from "~/lib/links.server.js";

export const meta: MetaFunction = () => [{ title: "Outbox · Tandem" }];

/**
 * The program's mail. Without SMTP it goes nowhere else, so the bodies
 * (and their links) are shown here; with SMTP only whether it went.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireOwnerAdmin(request);
  const smtp = Boolean(env().SMTP_URL);
  const base = mailBase(request);
  const showResetLinks = !env().DATABASE_URL;
  const before = queryId.parse(
    new URL(request.url).searchParams.get("before") ?? undefined,
  );
  const page = await listOutbox(await getDb(), {
    programId: member.program.id,
    before,
  });
  return {
    smtp,
    showResetLinks,
    isFirstPage: before === undefined,
    nextPage:
      page.nextBefore !== null ? `/outbox?before=${page.nextBefore}` : null,
    messages: page.messages.map((m) => ({
      id: m.id,
      to: m.toAddress,
      subject: m.subject,
      body: smtp ? null : outboxText(m.textBody, { base, showResetLinks }),
      queued: formatInstant(m.createdAt, member.program.timeZone),
      state: m.sentAt
        ? "sent"
        : m.lastError
          ? `pending, ${m.attempts} failed attempt${m.attempts === 1 ? "" : "s"}`
          : "pending",
    })),
  };
}

export default function Outbox() {
  const { smtp, showResetLinks, messages, isFirstPage, nextPage } =
    useLoaderData<typeof loader>();
  return (
    <section>
      <h1>Outbox</h1>
      <p>
        {smtp
          ? "Mail goes out through the configured SMTP server."
          : "No SMTP server is configured (SMTP_URL), so mail is kept here " +
            "and not sent. Follow invitation links from here" +
            (showResetLinks
              ? ", and reset links (on the embedded database only)."
              : "; reset links are shown to their recipients only.")}
      </p>
      {messages.length === 0 ? <p>No mail yet.</p> : null}
      {messages.map((m) => (
        <article key={m.id} className="card">
          <h2>{m.subject}</h2>
          <p>
            To {m.to} · {m.queued} · {m.state}
          </p>
          {m.body !== null ? <MailBody text={m.body} /> : null}
        </article>
      ))}
      <nav className="pager" aria-label="Pages">
        {!isFirstPage ? <Link to="/outbox">Newest</Link> : null}
        {nextPage ? <Link to={nextPage}>Older</Link> : null}
      </nav>
    </section>
  );
}

/** The text as sent, with its links made followable. */
function MailBody({ text }: { text: string }) {
  return (
    <pre className="mail">
      {text.split("\n").map((line, i) => (
        <span key={i}>
          {/^https?:\/\/\S+$/.test(line) ? <a href={line}>{line}</a> : line}
          {"\n"}
        </span>
      ))}
    </pre>
  );
}
