import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The shared data sets, read in place (never copied into the project). */
export const DATA_DIR = fileURLToPath(
  new URL("../../../../shared/data/", import.meta.url),
);

export function dataFile(relative: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(`${DATA_DIR}${relative}`));
}

export function csvUpload(
  relative: string,
  name = relative.split("/").at(-1)!,
) {
  const form = new FormData();
  form.set("file", new File([dataFile(relative)], name, { type: "text/csv" }));
  form.set("encoding", "auto");
  return form;
}
