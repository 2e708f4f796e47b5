import { z } from "zod";

/** Decision 0014: long enough to resist guessing, short enough to type. */
export const MIN_PASSWORD = 10;

export const newPasswordFields = {
  password: z
    .string()
    .min(MIN_PASSWORD, `Use at least ${MIN_PASSWORD} characters.`)
    .max(200, "Use at most 200 characters."),
  confirm: z.string(),
};

export function passwordsMatch(v: { password: string; confirm: string }) {
  return v.password === v.confirm;
}
export const mismatch = {
  message: "The two passwords differ.",
  path: ["confirm"],
};
