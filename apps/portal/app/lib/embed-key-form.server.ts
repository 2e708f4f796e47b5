import { z } from "zod";
import {
  isMetricId,
  isPartnerMetricId,
  SKELETON_METRIC_IDS,
  getMetricDefinition,
  type MetricId,
} from "@tandem/metrics";
import { requiredLine } from "./forms.server.js";
import { parseOrigins } from "./origins.js";

/** The form field holding a metric's position ("" hides it). */
export const metricField = (id: string) => `metric_${id}`;

/**
 * What an embed can show: the scorecard's six (embed-card.server.ts
 * sends no other), which are also what a key without a choice shows.
 */
export const EMBED_METRIC_IDS = SKELETON_METRIC_IDS;

const EMBED_NAMES = EMBED_METRIC_IDS.map(
  (id) => getMetricDefinition(id).name,
).join(", ");

/** Metrics built on what the program spends, which stays inside. */
const COST_METRIC_IDS: readonly string[] = ["cac_via_partner"];

/** Why a metric outside EMBED_METRIC_IDS cannot be on a key. */
function notEmbeddable(id: string, isPartner: boolean): string {
  if (!isMetricId(id)) return `There is no metric "${id}".`;
  const name = getMetricDefinition(id).name;
  if (isPartner && !isPartnerMetricId(id)) {
    return `${name} is a metric of the whole program; no single partner has one, so a partner's key cannot show it.`;
  }
  if (COST_METRIC_IDS.includes(id)) {
    return `${name} is worked out from what the program spends on a partner, which is not shown outside the portal.`;
  }
  return `${name} cannot be shown in an embed; a key shows only ${EMBED_NAMES}.`;
}

const position = z
  .string()
  .trim()
  .regex(/^\d{0,2}$/, "Choose a position or leave it hidden.")
  .optional();

const metricShape = Object.fromEntries(
  EMBED_METRIC_IDS.map((id) => [metricField(id), position]),
);

const CHOOSE = "Choose a partner, or the program badge.";

const originsField = z.string().transform((v, ctx) => {
  const parsed = parseOrigins(v);
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", message: parsed.message });
    return z.NEVER;
  }
  return parsed.origins;
});

/**
 * A new key: a label, a partner or the program badge, the metrics in
 * the order chosen, and its origins.
 */
export const createKeySchema = z
  .looseObject({
    intent: z.literal("create"),
    label: requiredLine("A label", 100),
    // A client that predates scopes asks for a partner's key.
    scope: z.enum(["partner", "program"], { error: CHOOSE }).default("partner"),
    partnerId: z.string().optional(),
    origins: originsField,
    ...metricShape,
  })
  .transform((input, ctx) => {
    const partnerId = Number(input.partnerId);
    const isPartner = input.scope === "partner";
    if (isPartner && !(Number.isInteger(partnerId) && partnerId > 0)) {
      ctx.addIssue({ code: "custom", path: ["partnerId"], message: CHOOSE });
      return z.NEVER;
    }
    if (!onlyEmbeddable(input, isPartner, ctx)) return z.NEVER;
    const metrics = metricOrder(input, ctx);
    if (metrics === undefined) return z.NEVER;
    return {
      intent: input.intent,
      label: input.label,
      origins: input.origins,
      metrics,
      partnerId: isPartner ? partnerId : null,
    };
  });

/**
 * False, with an error naming each, when a metric the embed cannot show
 * was given a position: dropping it would save a key that shows less
 * than was chosen.
 */
function onlyEmbeddable(
  input: Record<string, unknown>,
  isPartner: boolean,
  ctx: z.RefinementCtx,
): boolean {
  const offered = new Set(EMBED_METRIC_IDS.map(metricField));
  const refused = Object.entries(input).filter(
    ([name, value]) =>
      name.startsWith("metric_") &&
      !offered.has(name) &&
      typeof value === "string" &&
      value.trim() !== "",
  );
  for (const [name] of refused) {
    const message = notEmbeddable(name.slice("metric_".length), isPartner);
    ctx.addIssue({ code: "custom", path: ["metrics"], message });
  }
  return refused.length === 0;
}

/**
 * The chosen metrics by position. All of them in the catalog's order is
 * stored as null (the defaults), so such a key gains new metrics.
 */
function metricOrder(
  input: Record<string, unknown>,
  ctx: z.RefinementCtx,
): MetricId[] | null | undefined {
  const fields = EMBED_METRIC_IDS.map(metricField);
  // A client that sends no metric fields at all asks for the defaults.
  if (!fields.some((name) => name in input)) return null;
  const placed: { id: MetricId; at: number }[] = [];
  for (const id of EMBED_METRIC_IDS) {
    const raw = input[metricField(id)];
    if (typeof raw !== "string" || raw.trim() === "") continue;
    const at = Number(raw);
    if (placed.some((p) => p.at === at)) {
      const message = `Two metrics are at position ${at}; give each its own.`;
      ctx.addIssue({ code: "custom", path: ["metrics"], message });
      return undefined;
    }
    placed.push({ id, at });
  }
  if (placed.length === 0) {
    const message = "Show at least one metric.";
    ctx.addIssue({ code: "custom", path: ["metrics"], message });
    return undefined;
  }
  const ids = placed.sort((a, b) => a.at - b.at).map((p) => p.id);
  const isDefault =
    ids.length === EMBED_METRIC_IDS.length &&
    ids.every((id, i) => id === EMBED_METRIC_IDS[i]);
  return isDefault ? null : ids;
}
