const LABELS = {
  on_track: { text: "On track", mark: "●" },
  at_risk: { text: "At risk", mark: "▲" },
  off_track: { text: "Off track", mark: "■" },
} as const;

export type Status = keyof typeof LABELS;

/** A status in words with a shape, never by colour alone. */
export function StatusBadge({ status }: { status: Status | null }) {
  if (status === null) return <span className="status none">no target</span>;
  const { text, mark } = LABELS[status];
  return (
    <span className={`status ${status}`}>
      <span aria-hidden="true">{mark} </span>
      {text}
    </span>
  );
}
