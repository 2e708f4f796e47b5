/** "1 row", "2 rows": a count with its noun, singular or plural. */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

interface ImportCounts {
  kind: string;
  rowsRead: number;
  created: number;
  updated: number;
  unchanged: number;
  refused: number;
}

/** One sentence saying what an import did. */
export function importSummary(r: ImportCounts): string {
  const read = `${counted(r.rowsRead, "row")} read`;
  if (r.kind === "revenue") {
    const parts = [
      `${counted(r.created, "revenue event")} imported`,
      ...(r.unchanged > 0
        ? [`${r.unchanged} already imported from an earlier file (skipped)`]
        : []),
      `${r.refused} refused`,
    ];
    return `${read}: ${parts.join(", ")}.`;
  }
  const created = counted(r.created, "new lead");
  return (
    `${read}: ${created}, ${r.updated} updated, ` +
    `${r.unchanged} unchanged, ${r.refused} refused.`
  );
}

/**
 * Where to see what an import brought: leads for a lead file; revenue
 * shows in the overview's figures.
 */
export function seeImported(kind: string): { to: string; label: string } {
  return kind === "revenue"
    ? { to: "/overview", label: "See the overview" }
    : { to: "/leads", label: "See the leads" };
}
