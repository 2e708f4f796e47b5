import { Temporal } from "temporal-polyfill";
import { sendRatingReminders } from "@tandem/db";
import { connect } from "./db.server.js";
import { logger } from "./logger.server.js";

/** Often enough that a reminder goes out within the first hour of a period. */
const EVERY_MS = 15 * 60 * 1000;

let timer: NodeJS.Timeout | null = null;
let running: Promise<void> | null = null;

async function sweep(): Promise<void> {
  try {
    const { db } = await connect();
    const { sent } = await sendRatingReminders(db, {
      now: Temporal.Now.instant(),
    });
    if (sent > 0) logger.info({ sent }, "Rating reminders sent");
  } catch (error) {
    logger.error({ err: error }, "Rating reminder sweep failed");
  }
}

/**
 * Runs the reminder sweep now and then on an interval. Several portal
 * processes may each run it: the sweep sends each reminder once.
 */
export function startRatingReminders(): void {
  if (timer) return;
  const run = () => {
    if (running) return;
    running = sweep().finally(() => {
      running = null;
    });
  };
  run();
  timer = setInterval(run, EVERY_MS);
  timer.unref();
}

export async function stopRatingReminders(): Promise<void> {
  if (timer) clearInterval(timer);
  timer = null;
  await running;
}
