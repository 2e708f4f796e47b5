import type { MetricUnit } from "@tandem/embed-contract";

export const NOT_ENOUGH_DATA = "not enough data";

export type FormatMetric = (value: string | null, unit: MetricUnit) => string;

/**
 * Formats metric values for one locale and program currency. Values stay
 * decimal strings on the way into Intl: browsers with Intl.NumberFormat
 * v3 then keep every digit, and older ones convert them to numbers.
 */
export function metricFormatter(
  locale: string | undefined,
  currency: string,
): FormatMetric {
  const formats: Record<MetricUnit, Intl.NumberFormat> = {
    money: numberFormat(locale, { style: "currency", currency }),
    percent: numberFormat(locale, {
      style: "percent",
      // The same two decimals as the portal's pages.
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    }),
    count: numberFormat(locale, { maximumFractionDigits: 0 }),
    score: numberFormat(locale, {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }),
  };
  return (value, unit) => {
    if (value === null) return NOT_ENOUGH_DATA;
    // parseScorecard has checked that the string is a plain decimal.
    return formats[unit].format(value as Intl.StringNumericLiteral);
  };
}

/**
 * A bad `locale` attribute or an unknown currency code makes Intl throw;
 * the scorecard is still worth showing, so fall back to the page's locale
 * and then to a plain number rather than failing the whole render.
 */
function numberFormat(
  locale: string | undefined,
  options: Intl.NumberFormatOptions,
): Intl.NumberFormat {
  for (const candidate of [locale, undefined]) {
    try {
      return new Intl.NumberFormat(candidate, options);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
  }
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
}
