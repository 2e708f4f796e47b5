import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import {
  checkMapping,
  DATE_FORMATS,
  LEAD_FIELDS,
  LEAD_STATUSES,
  leadImportMappingSchema,
  type LeadImportMapping,
} from "@tandem/csv-import";
import { saveImportMapping } from "@tandem/db";
import { getDb } from "~/lib/db.server.js";
import {
  importTable,
  initialMapping,
  parseStatusLines,
  statusLines,
} from "~/lib/lead-import.server.js";
import { formValues, readForm } from "~/lib/forms.server.js";
import { logger } from "~/lib/logger.server.js";
import { sentForm } from "~/lib/sent-form.js";
import { loadUpload } from "~/lib/upload.server.js";

type Errors = Record<string, string[] | undefined>;

const STATUS_CHOICE = `one of ${LEAD_STATUSES.join(", ")}`;

/** A mapping problem in words, not zod's list of literals. */
function problem(issue: { code: string; message: string }, head?: string) {
  if (issue.code !== "invalid_value") return issue.message;
  if (head === "statusValues") return `choose ${STATUS_CHOICE}.`;
  if (head === "defaultStatus") return `Choose ${STATUS_CHOICE}.`;
  return issue.message;
}

/** The mapping form's fields to a mapping, with errors by field. */
function mappingFromForm(
  form: FormData,
  headers: string[],
): { ok: true; mapping: LeadImportMapping } | { ok: false; errors: Errors } {
  const value = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  const columns = Object.fromEntries(
    LEAD_FIELDS.map((f) => [f.id, value(`col_${f.id}`) || null]),
  );
  const statusText = parseStatusLines(value("statusValues"));
  const parsed = leadImportMappingSchema.safeParse({
    columns,
    statusValues: statusText.values,
    defaultStatus: value("defaultStatus"),
    dateFormat: value("dateFormat"),
    decimalSeparator: value("decimalSeparator"),
    fixedPartner: value("fixedPartner").trim() || null,
    missingRegisteredOn: value("missingRegisteredOn"),
  });
  const errors: Errors = {};
  for (const line of statusText.unreadable) {
    (errors.statusValues ??= []).push(
      `"${line}": write each line as a value, "=", and a status, ` +
        "such as Closed Won = won.",
    );
  }
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [head, second] = issue.path.map(String);
      const key = head === "columns" ? `col_${second}` : (head ?? "form");
      const message = problem(issue, head);
      (errors[key] ??= []).push(
        head === "statusValues" ? `${second}: ${message}` : message,
      );
    }
  }
  if (!parsed.success || Object.keys(errors).length > 0) {
    return { ok: false, errors };
  }
  const check = checkMapping(parsed.data, headers);
  if (!check.ok) {
    const errors: Errors = {};
    for (const [field, messages] of Object.entries(check.fieldErrors)) {
      errors[`col_${field}`] = messages;
    }
    return { ok: false, errors };
  }
  return { ok: true, mapping: parsed.data };
}

export const meta: MetaFunction = () => [{ title: "Map columns · Tandem" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member, upload, table } = await loadUpload(request, params);
  const mapping = await initialMapping(
    await getDb(),
    member.program.id,
    table.headers,
  );
  return {
    // The statuses a file may give (not the system's under_review, expired).
    statuses: LEAD_STATUSES,
    fields: LEAD_FIELDS,
    dateFormats: DATE_FORMATS,
    fileName: upload.fileName,
    headers: table.headers,
    rowCount: table.rows.length,
    preview: table.rows
      .slice(0, 5)
      .map((r) => ({ rowNumber: r.rowNumber, cells: r.cells })),
    mapping: {
      columns: mapping.columns,
      statusValues: statusLines(mapping),
      defaultStatus: mapping.defaultStatus,
      dateFormat: mapping.dateFormat,
      decimalSeparator: mapping.decimalSeparator,
      fixedPartner: mapping.fixedPartner ?? "",
      missingRegisteredOn: mapping.missingRegisteredOn,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { member, upload, table } = await loadUpload(request, params);
  const form = await readForm(request);
  const result = mappingFromForm(form, table.headers);
  if (!result.ok) {
    return data({ errors: result.errors, values: formValues(form) }, 400);
  }

  const db = await getDb();
  const summary = await importTable(db, {
    program: member.program,
    actorId: member.user.id,
    fileName: upload.fileName,
    table,
    mapping: result.mapping,
    createMissingPartners: form.get("createMissingPartners") === "on",
  });
  await saveImportMapping(db, {
    programId: member.program.id,
    kind: "leads",
    mapping: result.mapping,
  });
  logger.info(
    {
      programId: member.program.id,
      importId: summary.importId,
      created: summary.created,
      updated: summary.updated,
      rejected: summary.rejected.length,
    },
    "Leads imported",
  );
  return redirect(`/imports/${summary.importId}`);
}

export default function MapColumns() {
  const {
    statuses,
    fields,
    dateFormats,
    fileName,
    headers,
    rowCount,
    preview,
    mapping,
  } = useLoaderData<typeof loader>();
  const sent = sentForm(useActionData<typeof action>());
  const errors: Errors = sent.errors ?? {};
  // Once sent, the form shows what was chosen, an empty choice included.
  const chosen = (name: string, guess: string) =>
    sent.sent ? (sent.values[name] ?? "") : guess;
  const err = (name: string) =>
    errors[name] ? (
      <span id={`${name}-error`} className="field-error">
        {errors[name]!.join(" ")}
      </span>
    ) : null;
  return (
    <section>
      <h1>Map the columns of {fileName}</h1>
      <p>
        {rowCount} rows found. Choose which column holds each lead field. Rows
        that fail a check are listed after the import with their row number; the
        others are imported. Importing the same file again changes nothing.
      </p>
      <p>
        Imported leads keep the statuses the file gives them: they are the
        program&apos;s own records, so they are not checked for duplicates or
        conflicts between partners the way a partner&apos;s registration is, and
        imported accepted leads are not protected by a countdown.
      </p>
      <Form key={sent.key} method="post" className="stack" noValidate>
        {errors.form ? <p role="alert">{errors.form.join(" ")}</p> : null}
        {Object.keys(errors).length > 0 ? (
          <p role="alert">
            Some choices need a look; see the notes beside them.
          </p>
        ) : null}
        {fields.map((field) => (
          <label key={field.id}>
            {field.label}
            {field.required ? " (required)" : ""}
            <small>{field.description}</small>
            <select
              name={`col_${field.id}`}
              defaultValue={chosen(
                `col_${field.id}`,
                mapping.columns[field.id] ?? "",
              )}
              aria-describedby={`col_${field.id}-error`}
            >
              <option value="">(not in this file)</option>
              {headers.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
            {err(`col_${field.id}`)}
          </label>
        ))}
        <label>
          One partner for the whole file (when no column names it)
          <input
            name="fixedPartner"
            defaultValue={chosen("fixedPartner", mapping.fixedPartner)}
            aria-describedby="fixedPartner-error"
          />
          {err("fixedPartner")}
        </label>
        <label>
          <span>
            <input
              type="checkbox"
              name="createMissingPartners"
              defaultChecked={sent.values.createMissingPartners === "on"}
            />{" "}
            Add partners named in the file that the program does not have yet
          </span>
        </label>
        <label>
          Status values: one line each, the file&apos;s value ={" "}
          {statuses.join(", ")}
          <textarea
            name="statusValues"
            rows={6}
            defaultValue={chosen("statusValues", mapping.statusValues)}
            aria-describedby="statusValues-error"
          />
          {err("statusValues")}
        </label>
        <label>
          Status when the cell is empty or there is no status column
          <select
            name="defaultStatus"
            defaultValue={chosen("defaultStatus", mapping.defaultStatus)}
            aria-describedby="defaultStatus-error"
          >
            {statuses.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
          {err("defaultStatus")}
        </label>
        <label>
          Date format
          <select
            name="dateFormat"
            defaultValue={chosen("dateFormat", mapping.dateFormat)}
            aria-describedby="dateFormat-error"
          >
            {dateFormats.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
          {err("dateFormat")}
        </label>
        <label>
          Decimal separator in amounts
          <select
            name="decimalSeparator"
            defaultValue={chosen("decimalSeparator", mapping.decimalSeparator)}
            aria-describedby="decimalSeparator-error"
          >
            <option value=".">. (1,234.56)</option>
            <option value=",">, (1.234,56)</option>
          </select>
          {err("decimalSeparator")}
        </label>
        <label>
          When a row has no registration date
          <select
            name="missingRegisteredOn"
            defaultValue={chosen(
              "missingRegisteredOn",
              mapping.missingRegisteredOn,
            )}
            aria-describedby="missingRegisteredOn-error"
          >
            <option value="import-date">use today&apos;s date</option>
            <option value="reject">refuse the row</option>
          </select>
          {err("missingRegisteredOn")}
        </label>
        <button type="submit">Import</button>
      </Form>
      <h2>The first rows</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Row</th>
              {headers.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.map((row) => (
              <tr key={row.rowNumber}>
                <td>{row.rowNumber}</td>
                {row.cells.map((cell, i) => (
                  <td key={i}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
