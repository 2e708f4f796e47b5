import { z } from "zod";

export type FieldErrors = Record<string, string[] | undefined>;

/**
 * Parses form data with a schema. Failure gives field errors to show
 * beside the fields (and a 400), with what the person typed kept.
 */
export function parseForm<T extends z.ZodType>(
  formData: FormData,
  schema: T,
):
  | { ok: true; data: z.infer<T>; values: Record<string, string> }
  | { ok: false; errors: FieldErrors; values: Record<string, string> } {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string") values[key] = value;
  }
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? "form");
    (errors[key] ??= []).push(issue.message);
  }
  return { ok: false, errors, values };
}

/** Optional trimmed text; empty or absent reads as undefined. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .optional()
    .transform((v) => (v === "" ? undefined : v));

export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `Use at most ${max} characters.`);
