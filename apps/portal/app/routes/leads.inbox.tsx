import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { listDecisionInbox, programToday } from "@tandem/db";
import { requireOwnerStaff } from "~/lib/auth.server.js";
import { getDb } from "~/lib/db.server.js";

const querySchema = z.object({
  view: z.enum(["all", "conflicts"]).catch("all"),
});

export const meta: MetaFunction = () => [{ title: "Leads to decide · Tandem" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireOwnerStaff(request);
  const { view } = querySchema.parse(
    Object.fromEntries(new URL(request.url).searchParams),
  );

  const slaDays = member.program.decisionSlaDays;
  const today = programToday(member.program);
  const inbox = await listDecisionInbox(await getDb(), {
    programId: member.program.id,
    today,
    slaDays,
    conflictsOnly: view === "conflicts",
  });
  return { view, today, slaDays, ...inbox };
}

function waiting(days: number): string {
  if (days === 0) return "today";
  return `${days} day${days === 1 ? "" : "s"}`;
}

function due(days: number): string {
  return days === 0 ? "Due today" : `Due in ${waiting(days)}`;
}

export default function Inbox() {
  const { view, today, slaDays, leads, overdue, total } =
    useLoaderData<typeof loader>();
  return (
    <section>
      <h1>
        {view === "conflicts" ? "Conflicts to decide" : "Leads to decide"}
      </h1>
      <p>
        Decisions are due within {slaDays} day{slaDays === 1 ? "" : "s"} of
        registration (today is {today} in the program&apos;s time zone).{" "}
        <strong>{overdue}</strong> of {total} overdue. Oldest first.
        {leads.length < total
          ? ` The oldest ${leads.length} are listed; deciding them brings the next.`
          : ""}
      </p>
      <nav className="inline" aria-label="Inbox views">
        {view === "conflicts" ? (
          <Link to="/leads/inbox">All leads to decide</Link>
        ) : (
          <Link to="/leads/inbox?view=conflicts">Conflicts only</Link>
        )}
        <Link to="/settings">Service level and protection settings</Link>
      </nav>
      {leads.length === 0 ? (
        <p>Nothing waits for a decision.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Company</th>
                <th scope="col">Partner</th>
                <th scope="col">Status</th>
                <th scope="col">Registered</th>
                <th scope="col">Waiting</th>
                <th scope="col">Service level</th>
              </tr>
            </thead>
            <tbody>
              {leads.map((lead) => (
                <tr key={lead.id}>
                  <td>
                    <Link
                      to={
                        lead.status === "under_review"
                          ? `/leads/${lead.id}/conflict`
                          : `/leads/${lead.id}`
                      }
                    >
                      {lead.company ?? "(no company)"}
                    </Link>
                  </td>
                  <td>{lead.partnerName}</td>
                  <td>{lead.status.replace("_", " ")}</td>
                  <td>{lead.registeredOn}</td>
                  <td>{waiting(lead.daysWaiting)}</td>
                  <td>
                    {lead.overdue ? (
                      <span className="status off_track">
                        <span aria-hidden="true">■ </span>Overdue
                      </span>
                    ) : (
                      <span className="status on_track">
                        <span aria-hidden="true">● </span>
                        {due(slaDays - lead.daysWaiting)}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
