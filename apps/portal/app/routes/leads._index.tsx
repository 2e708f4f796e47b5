import {
  redirect,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import {
  countLeads,
  listLeads,
  programToday,
  protectionDaysLeft,
} from "@tandem/db";
import { LEAD_STATUSES } from "@tandem/db/values";
import { requireMember } from "~/lib/auth.server.js";
import { getDb } from "~/lib/db.server.js";
import { formatMoney, type Money } from "~/lib/format.js";

const PAGE_SIZE = 50;

const filterSchema = z.object({
  status: z.enum(LEAD_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).catch(1),
});

/** The won amount, else the estimate; $0 is a value, not a blank. */
function amountOf(
  lead: { wonAmountMinor: bigint | null; estimatedValueMinor: bigint | null },
  money: Money,
): string {
  const minor = lead.wonAmountMinor ?? lead.estimatedValueMinor;
  return minor === null ? "" : formatMoney(minor, money);
}

function protectionWords(daysLeft: number | null): string {
  if (daysLeft === null) return "";
  if (daysLeft === 0) return "last day";
  return `${daysLeft} day${daysLeft === 1 ? "" : "s"} left`;
}

function pageQuery(status: string | undefined, page: number): string {
  return `?${new URLSearchParams({ ...(status ? { status } : {}), page: String(page) })}`;
}

export const meta: MetaFunction = () => [{ title: "Leads · Tandem" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const url = new URL(request.url);
  const { status, page } = filterSchema.parse(
    Object.fromEntries(url.searchParams),
  );

  const db = await getDb();
  const filter = {
    programId: member.program.id,
    partnerId: member.partnerId,
    statuses: status ? [status] : undefined,
  };
  const [leads, total] = await Promise.all([
    listLeads(db, {
      ...filter,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
    countLeads(db, filter),
  ]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  // A page past the end (an old link, a typed number) goes to the last.
  if (page > pages) throw redirect(`/leads${pageQuery(status, pages)}`);
  const today = programToday(member.program);
  return {
    status: status ?? "",
    page,
    pages,
    total,
    isOwnerSide: member.isOwnerSide,
    leads: leads.map((lead) => ({
      id: lead.id,
      company: lead.company ?? "(no company)",
      partnerName: lead.partnerName,
      status: lead.status.replace("_", " "),
      registeredOn: lead.registeredOn,
      value: amountOf(lead, member.program),
      protection: protectionWords(protectionDaysLeft(lead, today)),
    })),
  };
}

export default function Leads() {
  const { leads, status, isOwnerSide, page, pages, total } =
    useLoaderData<typeof loader>();
  const pageLink = (n: number) => pageQuery(status, n);
  return (
    <section>
      <h1>{isOwnerSide ? "Incoming leads" : "Your leads"}</h1>
      <Form method="get" className="inline">
        <label>
          Status
          <select name="status" defaultValue={status}>
            <option value="">All</option>
            {LEAD_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s.replace("_", " ")}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Filter</button>
        {isOwnerSide ? (
          <Link to="/leads/inbox">Leads to decide</Link>
        ) : (
          <Link to="/leads/new">Register a lead</Link>
        )}
      </Form>
      {leads.length === 0 ? (
        <p>No leads here yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Company</th>
                {isOwnerSide ? <th scope="col">Partner</th> : null}
                <th scope="col">Status</th>
                <th scope="col">Registered</th>
                <th scope="col">Protection</th>
                <th scope="col" className="num">
                  Value
                </th>
              </tr>
            </thead>
            <tbody>
              {leads.map((lead) => (
                <tr key={lead.id}>
                  <td>
                    <Link to={`/leads/${lead.id}`}>{lead.company}</Link>
                  </td>
                  {isOwnerSide ? <td>{lead.partnerName}</td> : null}
                  <td>{lead.status}</td>
                  <td>{lead.registeredOn}</td>
                  <td>{lead.protection}</td>
                  <td className="num">{lead.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="pager" aria-label="Pages">
        <span>
          {total} leads · page {page} of {pages}
        </span>
        {page > 1 ? <Link to={pageLink(page - 1)}>Previous page</Link> : null}
        {page < pages ? <Link to={pageLink(page + 1)}>Next page</Link> : null}
      </nav>
    </section>
  );
}
