import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { auditFilterChoices, listAuditEvents } from "@tandem/db";
import { requireOwnerAdmin } from "~/lib/auth.server.js";
import { getDb } from "~/lib/db.server.js";
import { queryId } from "~/lib/forms.server.js";
import { formatInstant } from "~/lib/instants.server.js";

/** Filters from the query; anything unreadable is ignored, not an error. */
const filterSchema = z.object({
  partner: queryId,
  person: queryId,
  kind: z.string().max(100).optional().catch(undefined),
  before: queryId,
});

export const meta: MetaFunction = () => [{ title: "Audit log · Tandem" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireOwnerAdmin(request);
  const url = new URL(request.url);
  const query = Object.fromEntries(
    [...url.searchParams].filter(([, v]) => v !== ""),
  );
  const filter = filterSchema.parse(query);
  const db = await getDb();
  const programId = member.program.id;
  const [page, choices] = await Promise.all([
    listAuditEvents(db, {
      programId,
      partnerId: filter.partner,
      actorId: filter.person,
      kind: filter.kind,
      before: filter.before,
    }),
    auditFilterChoices(db, { programId }),
  ]);
  // The pager keeps the filters: Newest drops only the page, Older moves it.
  const newest = new URLSearchParams(url.searchParams);
  newest.delete("before");
  const next = new URLSearchParams(newest);
  if (page.nextBefore !== null) next.set("before", String(page.nextBefore));
  return {
    filter: {
      partner: filter.partner ? String(filter.partner) : "",
      person: filter.person ? String(filter.person) : "",
      kind: filter.kind ?? "",
    },
    choices,
    events: page.events.map((e) => ({
      id: e.id,
      at: formatInstant(e.createdAt, member.program.timeZone),
      kind: e.kind,
      summary: e.summary,
      actor: e.actorName ?? "The system",
      partner: e.partnerName,
    })),
    nextPage: page.nextBefore !== null ? `/audit?${next}` : null,
    newestPage: newest.size > 0 ? `/audit?${newest}` : "/audit",
    isFirstPage: filter.before === undefined,
    timeZone: member.program.timeZone,
  };
}

export default function Audit() {
  const d = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>Audit log</h1>
      <p>
        Every change people made in this program, newest first. Times in{" "}
        {d.timeZone}.
      </p>
      <Form method="get" className="inline">
        <label>
          Partner
          <select name="partner" defaultValue={d.filter.partner}>
            <option value="">Any</option>
            {d.choices.partners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Person
          <select name="person" defaultValue={d.filter.person}>
            <option value="">Anyone</option>
            {d.choices.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Kind
          <select name="kind" defaultValue={d.filter.kind}>
            <option value="">Any</option>
            {d.choices.kinds.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Filter</button>
      </Form>
      {d.events.length === 0 ? <p>Nothing recorded matches.</p> : null}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>When</th>
              <th>Who</th>
              <th>Partner</th>
              <th>Kind</th>
              <th>What</th>
            </tr>
          </thead>
          <tbody>
            {d.events.map((e) => (
              <tr key={e.id}>
                <td>{e.at}</td>
                <td>{e.actor}</td>
                <td>{e.partner ?? ""}</td>
                <td>{e.kind}</td>
                <td>{e.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="pager" aria-label="Pages">
        {!d.isFirstPage ? <Link to={d.newestPage}>Newest</Link> : null}
        {d.nextPage ? <Link to={d.nextPage}>Older</Link> : null}
      </nav>
    </section>
  );
}
