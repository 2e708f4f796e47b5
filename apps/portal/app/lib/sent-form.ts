type Errors = Record<string, string[] | undefined>;

/** What an action answers when it refuses a form. */
export interface Refusal {
  errors?: Errors;
  values?: Record<string, string>;
}

/**
 * The errors and typed values of one form of a page, if that form (by
 * its hidden `intent`; any form when none is given) was the one sent.
 * The key changes with what came back: React keeps an uncontrolled
 * field's value across re-renders, so without a new key the fields
 * would not show the values after a client-side submission.
 */
export function sentForm(result: Refusal | undefined, intent?: string) {
  const sent =
    intent === undefined || result?.values?.intent === intent
      ? result
      : undefined;
  const values: Record<string, string | undefined> = sent?.values ?? {};
  return {
    sent: sent?.values !== undefined,
    key: sent?.values ? JSON.stringify(sent.values) : (intent ?? "blank"),
    errors: sent?.errors,
    values,
  };
}
