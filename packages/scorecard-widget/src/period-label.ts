import type { EmbedScorecard } from "@tandem/embed-contract";

type Period = EmbedScorecard["period"];

/**
 * The period in the locale: a month or year through Intl; a quarter has
 * no Intl form, so the portal's label ("Q1 2017") stays. Days are
 * formatted in UTC, since they are calendar days, not instants.
 */
export function periodLabel(period: Period, locale?: string): string {
  const start = new Date(`${period.start}T00:00:00Z`);
  if (Number.isNaN(start.getTime())) return period.label;
  const options: Intl.DateTimeFormatOptions =
    period.kind === "month"
      ? { month: "long", year: "numeric", timeZone: "UTC" }
      : { year: "numeric", timeZone: "UTC" };
  if (period.kind === "quarter") return period.label;
  return dateFormat(locale, options)?.format(start) ?? period.label;
}

/** "Updated 4:05 PM", in the locale, for the moment the figures were made. */
export function updatedLabel(iso: string, locale?: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return "";
  const format = dateFormat(locale, { timeStyle: "short" });
  return format ? format.format(at) : "";
}

function dateFormat(
  locale: string | undefined,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat | undefined {
  for (const candidate of [locale, undefined]) {
    try {
      return new Intl.DateTimeFormat(candidate, options);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
  }
  return undefined;
}
