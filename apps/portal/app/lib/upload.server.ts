import { data, redirect } from "@remix-run/node";
import { saveUpload } from "@tandem/db";
import type { Member } from "./auth.server.js";
import { getDb } from "./db.server.js";
import { readUploadedFile, tableOf } from "./lead-import.server.js";
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
