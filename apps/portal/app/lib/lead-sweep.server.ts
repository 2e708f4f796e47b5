import { sweepLeadProtection } from "@tandem/db";
import { Temporal } from "temporal-polyfill";
import { connect } from "./db.server.js";
import { logger } from "./logger.server.js";

/** Often enough that a lead expires within minutes of its day ending. */
const EVERY_MS = 10 * 60 * 1000;

let timer: NodeJS.Timeout | null = null;
let running: Promise<void> | null = null;

async function sweepOnce(): Promise<void> {
  try {
    const { db } = await connect();
    const result = await sweepLeadProtection(db, {
      now: Temporal.Now.instant(),
    });
    if (result.expired > 0 || result.warned > 0) {
      logger.info(result, "Lead protection swept");
    }
  } catch (error) {
    logger.error({ err: error }, "Lead protection sweep failed");
  }
}

/**
 * Runs the protection sweep now and then on an interval. Several
 * portal processes may each run it: the sweep itself is safe for that.
 */
export function startLeadSweep(): void {
  if (timer) return;
  const tick = () => {
    if (running) return;
    running = sweepOnce().finally(() => {
      running = null;
    });
  };
  timer = setInterval(tick, EVERY_MS);
  timer.unref();
  tick();
}

export async function stopLeadSweep(): Promise<void> {
  if (timer) clearInterval(timer);
  timer = null;
  await running;
}
