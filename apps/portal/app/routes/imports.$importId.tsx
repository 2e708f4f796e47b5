import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { getImport } from "@tandem/db";
import { notFound, requireOwnerStaff } from "~/lib/auth.server.js";
import { getDb } from "~/lib/db.server.js";

const paramsSchema = z.object({ importId: z.coerce.number().int().positive() });
const rejectedSchema = z.array(
  z.object({ rowNumber: z.number(), reasons: z.array(z.string()) }),
);

export const meta: MetaFunction = () => [{ title: "Import result · Tandem" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireOwnerStaff(request);
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw notFound("No such import.");
  const record = await getImport(await getDb(), {
    programId: member.program.id,
    importId: parsed.data.importId,
  });
  if (!record) throw notFound("No such import.");
  return {
    kind: record.kind,
    fileName: record.fileName,
    rowsRead: record.rowsRead,
    created: record.created,
    updated: record.updated,
    unchanged: record.unchanged,
    rejected: rejectedSchema.parse(record.rejected),
    at: record.createdAt.toISOString(),
  };
}

export default function ImportResult() {
  const r = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>Imported {r.fileName}</h1>
      <p className="notice" role="status">
        {r.kind === "revenue"
          ? `${r.rowsRead} rows read: ${r.created} revenue events imported, ` +
            (r.unchanged > 0
              ? `${r.unchanged} already imported from an earlier file (skipped), `
              : "") +
            `${r.rejected.length} refused.`
          : `${r.rowsRead} rows read: ${r.created} new leads, ${r.updated} updated, ${r.unchanged} unchanged, ${r.rejected.length} refused.`}
      </p>
      {r.rejected.length > 0 ? (
        <>
          <h2>Refused rows</h2>
          <p>
            Fix these rows in the file and import it again; the rows already
            imported will not be doubled.
          </p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                {r.rejected.map((row) => (
                  <tr key={row.rowNumber}>
                    <td>{row.rowNumber}</td>
                    <td>{row.reasons.join(" ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      <p>
        <Link to="/leads">See the leads</Link> ·{" "}
        <Link to={`/imports/${r.kind === "revenue" ? "revenue" : "leads"}`}>
          Import another file
        </Link>
      </p>
    </section>
  );
}
