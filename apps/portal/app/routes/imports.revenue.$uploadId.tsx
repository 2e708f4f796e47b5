import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import {
  DATE_FORMATS,
  mapRevenueRows,
  revenueMappingSchema,
} from "@tandem/csv-import";
import { importRevenueFile, programToday } from "@tandem/db";
import { getDb } from "~/lib/db.server.js";
import { readForm } from "~/lib/forms.server.js";
import { logger } from "~/lib/logger.server.js";
import { loadUpload } from "~/lib/upload.server.js";

/** A header that looks like the field, to preselect it. */
function guess(headers: string[], words: string[]): string {
  return (
    headers.find((h) => words.some((w) => h.toLowerCase().includes(w))) ?? ""
  );
}

export const meta: MetaFunction = () => [{ title: "Revenue columns · Tandem" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { upload, table } = await loadUpload(request, params);
  const h = table.headers;
  return {
    fileName: upload.fileName,
    headers: h,
    rowCount: table.rows.length,
    dateFormats: DATE_FORMATS,
    guess: {
      customer: guess(h, ["customer", "account", "company", "client"]),
      day: guess(h, ["date", "day"]),
      amount: guess(h, ["amount", "value", "revenue", "total"]),
      partner: guess(h, ["partner", "agent", "reseller"]),
      kind: guess(h, ["kind", "type"]),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { member, upload, table } = await loadUpload(request, params);
  const form = await readForm(request);
  const value = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" && v !== "" ? v : null;
  };
  const parsed = revenueMappingSchema.safeParse({
    customer: value("customer") ?? "",
    day: value("day") ?? "",
    amount: value("amount") ?? "",
    partner: value("partner"),
    kind: value("kind"),
    dateFormat: value("dateFormat"),
    decimalSeparator: value("decimalSeparator"),
  });
  if (!parsed.success) {
    const errors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      (errors[String(issue.path[0])] ??= []).push(issue.message);
    }
    return data({ errors }, 400);
  }
  const missing = (["customer", "day", "amount", "partner", "kind"] as const)
    .map((f) => parsed.data[f])
    .find((c) => c !== null && !table.headers.includes(c));
  if (missing) {
    return data(
      { errors: { form: [`"${missing}" is not a column of this file.`] } },
      400,
    );
  }

  const mapped = mapRevenueRows(table, parsed.data, {
    currencyDigits: member.program.currencyDigits,
    importDate: programToday(member.program),
  });
  const outcome = await importRevenueFile(await getDb(), {
    programId: member.program.id,
    actorId: member.user.id,
    fileName: upload.fileName,
    bytes: upload.bytes,
    rowsRead: table.rows.length,
    rows: mapped.rows,
    rejected: mapped.rejected,
  });
  if (!outcome.ok) return data({ errors: { form: [outcome.message] } }, 409);
  logger.info(
    { programId: member.program.id, importId: outcome.importId },
    "Revenue imported",
  );
  return redirect(`/imports/${outcome.importId}`);
}

export default function RevenueColumns() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string[] | undefined> = result?.errors ?? {};
  const select = (
    name: keyof typeof d.guess,
    label: string,
    optional: boolean,
  ) => (
    <label>
      {label}
      <select
        name={name}
        defaultValue={d.guess[name]}
        aria-describedby={`${name}-error`}
      >
        <option value="">{optional ? "(not in this file)" : "Choose…"}</option>
        {d.headers.map((h) => (
          <option key={h} value={h}>
            {h}
          </option>
        ))}
      </select>
      <span id={`${name}-error`} className="field-error">
        {errors[name]?.join(" ")}
      </span>
    </label>
  );
  return (
    <section>
      <h1>Choose the columns of {d.fileName}</h1>
      <p>{d.rowCount} rows found.</p>
      <Form method="post" className="stack" noValidate>
        {errors.form ? <p role="alert">{errors.form.join(" ")}</p> : null}
        {select("customer", "Customer", false)}
        {select("day", "Date", false)}
        {select("amount", "Amount", false)}
        {select("partner", "Partner (empty: a direct customer)", true)}
        {select(
          "kind",
          "Kind (empty: new on the first day, renewal after)",
          true,
        )}
        <label>
          Date format
          <select name="dateFormat" defaultValue="YYYY-MM-DD">
            {d.dateFormats.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
        </label>
        <label>
          Decimal separator in amounts
          <select name="decimalSeparator" defaultValue=".">
            <option value=".">. (1,234.56)</option>
            <option value=",">, (1.234,56)</option>
          </select>
        </label>
        <button type="submit">Import revenue</button>
      </Form>
    </section>
  );
}
