/** The demo program's time zone: its days and quarters are counted there. */
export const PROGRAM_TIME_ZONE = "America/New_York";

/** Today in the program's time zone, as YYYY-MM-DD. */
export function programToday(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: PROGRAM_TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

/** The current quarter's label as the portal writes it ("Q4 2026"). */
export function currentQuarterLabel(now = new Date()): string {
  const [year, month] = programToday(now).split("-").map(Number);
  return `Q${Math.floor((month! - 1) / 3) + 1} ${year}`;
}
