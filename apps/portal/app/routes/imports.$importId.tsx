import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { getImport } from "@tandem/db";
import { notFound, requireOwnerStaff } from "~/lib/auth.server.js";
import { getDb } from "~/lib/db.server.js";
import { importSummary, seeImported } from "~/lib/import-summary.js";

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
  const rejected = rejectedSchema.parse(record.rejected);
  return {
    kind: record.kind,
    fileName: record.fileName,
    rowsRead: record.rowsRead,
    created: record.created,
    updated: record.updated,
    unchanged: record.unchanged,
    rejected,
    at: record.createdAt.toISOString(),
    summary: importSummary({ ...record, refused: rejected.length }),
    seeAlso: seeImported(record.kind),
  };
}

export default function ImportResult() {
  const r = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>Imported {r.fileName}</h1>
      <p className="notice" role="status">
        {r.summary}
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
        <Link to={r.seeAlso.to}>{r.seeAlso.label}</Link> ·{" "}
        <Link to={`/imports/${r.kind === "revenue" ? "revenue" : "leads"}`}>
          Import another file
        </Link>
      </p>
    </section>
  );
}
