import {
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
  MaxPartSizeExceededError,
} from "@remix-run/node";
import {
  checkMapping,
  decodeCsv,
  leadImportMappingSchema,
  mapLeadRows,
  readTable,
  suggestMapping,
  TEXT_ENCODINGS,
  type LeadImportMapping,
  type Table,
} from "@tandem/csv-import";
import {
  getImportMapping,
  importLeads,
  programToday,
  type Database,
  type ImportSummary,
  type Program,
} from "@tandem/db";
import { z } from "zod";

/** The largest file accepted; the upload page says so. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const MAX_UPLOAD_LABEL = "10 MiB";

export const encodingSchema = z.enum(["auto", ...TEXT_ENCODINGS]).catch("auto");
export type Encoding = z.infer<typeof encodingSchema>;

type Outcome<T> =
  { ok: true; value: T } | { ok: false; status: number; message: string };

/**
 * Reads the one file of a multipart upload, refusing anything over the
 * limit before it is held in memory whole.
 */
export async function readUploadedFile(
  request: Request,
): Promise<
  Outcome<{ fileName: string; bytes: Uint8Array; encoding: Encoding }>
> {
  const tooLarge = {
    ok: false as const,
    status: 413,
    message: `The file is larger than ${MAX_UPLOAD_LABEL}. Split it, or export fewer columns.`,
  };
  const length = Number(request.headers.get("Content-Length") ?? "0");
  if (length > MAX_UPLOAD_BYTES + 64 * 1024) return tooLarge;
  let form: FormData;
  try {
    form = await parseMultipartFormData(
      request,
      createMemoryUploadHandler({ maxPartSize: MAX_UPLOAD_BYTES }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return tooLarge;
    return {
      ok: false,
      status: 400,
      message: "The upload could not be read. Choose the file again.",
    };
  }
  const file = form.get("file");
  if (!(file instanceof Blob)) {
    return { ok: false, status: 400, message: "Choose a CSV file to upload." };
  }
  if (file.size === 0) {
    return { ok: false, status: 422, message: "The file is empty." };
  }
  const fileName =
    "name" in file && typeof file.name === "string" ? file.name : "upload.csv";
  return {
    ok: true,
    value: {
      fileName: fileName.slice(0, 200),
      bytes: new Uint8Array(await file.arrayBuffer()),
      encoding: encodingSchema.parse(form.get("encoding")),
    },
  };
}

/** Bytes to a table, or the reason a person can act on. */
export function tableOf(bytes: Uint8Array, encoding: Encoding): Outcome<Table> {
  const decoded = decodeCsv(bytes, encoding);
  if (!decoded.ok) return { ok: false, status: 422, message: decoded.message };
  const table = readTable(decoded.text);
  if (!table.ok) return { ok: false, status: 422, message: table.message };
  const { ok: _ok, ...rest } = table;
  return { ok: true, value: rest };
}

/** The mapping saved last time if it still fits these headers. */
export async function initialMapping(
  db: Database,
  programId: number,
  headers: string[],
): Promise<LeadImportMapping> {
  const saved = leadImportMappingSchema.safeParse(
    await getImportMapping(db, { programId, kind: "leads" }),
  );
  if (saved.success && checkMapping(saved.data, headers).ok) return saved.data;
  return suggestMapping(headers);
}

/**
 * "Won = won" lines to a record; the mapping schema checks the values.
 * A line that is not blank but lacks the "=" or the value before it is
 * given back, to be refused by name rather than silently ignored.
 */
export function parseStatusLines(text: string): {
  values: Record<string, string>;
  unreadable: string[];
} {
  const values: Record<string, string> = {};
  const unreadable: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === "") continue;
    const at = line.lastIndexOf("=");
    const from = at === -1 ? "" : line.slice(0, at).trim();
    if (from === "") {
      unreadable.push(line.trim());
      continue;
    }
    values[from] = line
      .slice(at + 1)
      .trim()
      .toLowerCase();
  }
  return { values, unreadable };
}

export function statusLines(mapping: LeadImportMapping): string {
  return Object.entries(mapping.statusValues)
    .map(([from, to]) => `${from} = ${to}`)
    .join("\n");
}

/**
 * Validates every row, then writes the good ones in one transaction.
 * The same path serves the page and the data-set tests.
 */
export async function importTable(
  db: Database,
  input: {
    program: Program;
    actorId: number;
    fileName: string;
    table: Table;
    mapping: LeadImportMapping;
    createMissingPartners: boolean;
  },
): Promise<ImportSummary> {
  const mapped = mapLeadRows(input.table, input.mapping, {
    currencyDigits: input.program.currencyDigits,
    importDate: programToday(input.program),
  });
  return importLeads(db, {
    programId: input.program.id,
    actorId: input.actorId,
    fileName: input.fileName,
    rowsRead: input.table.rows.length,
    rows: mapped.leads,
    rejected: mapped.rejected,
    createMissingPartners: input.createMissingPartners,
  });
}
