import { data, redirect } from "@remix-run/node";
import { getUpload, saveUpload } from "@tandem/db";
import { z } from "zod";
import { notFound, requireOwnerStaff, type Member } from "./auth.server.js";
import { getDb } from "./db.server.js";
import {
  encodingSchema,
  readUploadedFile,
  tableOf,
} from "./lead-import.server.js";
import { logger } from "./logger.server.js";

/**
 * Receives a CSV upload and keeps it, then sends the person on to map
 * its columns. A file that cannot be read as a table is refused before
 * it is kept.
 */
export async function receiveUpload(
  request: Request,
  member: Member,
  kind: "leads" | "revenue",
) {
  const upload = await readUploadedFile(request);
  if (!upload.ok) return data({ error: upload.message }, upload.status);

  const { fileName, bytes, encoding } = upload.value;
  const table = tableOf(bytes, encoding);
  if (!table.ok) {
    return data({ error: `${fileName}: ${table.message}` }, table.status);
  }

  const uploadId = await saveUpload(await getDb(), {
    programId: member.program.id,
    fileName,
    bytes,
    createdBy: member.user.id,
  });
  logger.info(
    {
      programId: member.program.id,
      uploadId,
      kind,
      rows: table.value.rows.length,
    },
    "File uploaded",
  );
  return redirect(`/imports/${kind}/${uploadId}?encoding=${encoding}`);
}

const paramsSchema = z.object({ uploadId: z.coerce.number().int().positive() });

/**
 * The staff member, and the upload named in the URL read as a table in
 * the encoding chosen: what the column-mapping pages start from. Another
 * program's upload is a 404.
 */
export async function loadUpload(request: Request, params: unknown) {
  const member = await requireOwnerStaff(request);
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw notFound("No such upload.");
  const upload = await getUpload(await getDb(), {
    programId: member.program.id,
    uploadId: parsed.data.uploadId,
  });
  if (!upload) throw notFound("No such upload.");
  const encoding = encodingSchema.parse(
    new URL(request.url).searchParams.get("encoding"),
  );
  const table = tableOf(upload.bytes, encoding);
  if (!table.ok) throw new Response(table.message, { status: table.status });
  return { member, upload, encoding, table: table.value };
}
