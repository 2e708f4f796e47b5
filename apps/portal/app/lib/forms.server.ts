import { AMOUNT_LIMIT_WHOLE } from "@tandem/csv-import";
import { Temporal } from "temporal-polyfill";
import { z } from "zod";
import { parseMoney } from "./money.js";

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
  const values = formValues(formData);
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? "form");
    // A field the page always sends did not come (a hand-made form):
    // say so, not zod's "expected string, received undefined".
    const message =
      issue.code === "invalid_type" && !(key in values)
        ? "This field did not come with the form; reload the page and send it again."
        : issue.message;
    (errors[key] ??= []).push(message);
  }
  return { ok: false, errors, values };
}

/** What a person typed, to send back with a refusal (files left out). */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string") values[key] = value;
  }
  return values;
}

/** Every value of a field that repeats (checkboxes, a multiple select). */
export function formList(formData: FormData, name: string): string[] {
  return formData
    .getAll(name)
    .filter((v): v is string => typeof v === "string");
}

/**
 * An id in a query string (a filter, a page's `before`): anything
 * unreadable is ignored, not an error.
 */
export const queryId = z
  .string()
  .regex(/^\d{1,15}$/)
  .transform(Number)
  .optional()
  .catch(undefined);

/** Control characters but tab and line feed (NUL cannot be stored). */
const CONTROL = /[^\P{Cc}\n\t]/gu;

/** Text of several lines: line ends as "\n", no control characters. */
function cleanText(value: string): string {
  return value.replace(/\r\n?/g, "\n").replace(CONTROL, "");
}

/**
 * Text of one line (a name, a title): any run of spaces, line breaks or
 * control characters becomes one space, as a form posted by hand could
 * otherwise put a line break into a company's name or a mail's subject.
 */
function cleanLine(value: string): string {
  return value.replace(/[\s\p{Cc}]+/gu, " ");
}

function optional(max: number, clean: (value: string) => string) {
  return z
    .string()
    .overwrite(clean)
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .optional()
    .transform((v) => (v === "" ? undefined : v));
}

function required(
  label: string,
  max: number,
  clean: (value: string) => string,
) {
  return z
    .string({ error: `${label} is required.` })
    .overwrite(clean)
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `Use at most ${max} characters.`);
}

/** Optional trimmed text; empty or absent reads as undefined. */
export const text = (max: number) => optional(max, cleanText);

export const requiredText = (label: string, max: number) =>
  required(label, max, cleanText);

/** Optional text of one line; empty or absent reads as undefined. */
export const line = (max: number) => optional(max, cleanLine);

export const requiredLine = (label: string, max: number) =>
  required(label, max, cleanLine);

/**
 * The form of a POST, or a response that says what is wrong: another
 * method (405), another body type (415), a body that cannot be read
 * (400). Every action reads its form through here.
 */
export async function readForm(request: Request): Promise<FormData> {
  if (request.method !== "POST") {
    throw new Response("Use POST to send this form.", {
      status: 405,
      headers: { Allow: "POST" },
    });
  }
  const type = request.headers.get("Content-Type") ?? "";
  if (
    !type.startsWith("application/x-www-form-urlencoded") &&
    !type.startsWith("multipart/form-data")
  ) {
    throw new Response("Send this as a web form.", { status: 415 });
  }
  try {
    return await request.formData();
  } catch {
    throw new Response("The form could not be read.", { status: 400 });
  }
}

/** An amount of money in the program's currency, exactly, as minor units. */
export function moneyField(digits: number, example: string) {
  return z.string().transform((v, ctx) => {
    const minor = parseMoney(v, digits);
    const whole = minor === null ? 0n : minor / 10n ** BigInt(digits);
    if (minor === null || whole >= AMOUNT_LIMIT_WHOLE) {
      ctx.addIssue({
        code: "custom",
        message:
          minor !== null
            ? "Enter an amount below 1,000,000,000,000."
            : /^\s*[-\u2212]/.test(v)
              ? "Enter an amount of 0 or more; a negative one is not taken here."
              : `Enter an amount such as ${example}.`,
      });
      return z.NEVER;
    }
    return minor;
  });
}

/** A real day typed as YYYY-MM-DD ("2024-02-30" is refused), one reason. */
export const dayField = z.string().superRefine((value, ctx) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    ctx.addIssue({ code: "custom", message: "Enter a date as YYYY-MM-DD." });
    return;
  }
  try {
    Temporal.PlainDate.from(value, { overflow: "reject" });
  } catch {
    ctx.addIssue({ code: "custom", message: "That day does not exist." });
  }
});

/** A real day, today (in the program's zone) or earlier. */
export function pastDayField(today: string) {
  return dayField.refine((d) => d <= today, "The date cannot be after today.");
}
