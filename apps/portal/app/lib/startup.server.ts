import { existsSync } from "node:fs";
import { join } from "node:path";
import { programToday } from "@tandem/db";
import {
  DEMO_OWNER_EMAIL,
  findDemoSignIns,
  loadDemoProgram,
  type DemoSignIns,
} from "@tandem/db/demo";
import { connect, disconnect, embeddedDataDir } from "./db.server.js";
import { env } from "./env.server.js";
import { startLeadSweep, stopLeadSweep } from "./lead-sweep.server.js";
import { liveHub, stopLive } from "./live/live.server.js";
import { logger } from "./logger.server.js";
import {
  configuredMailer,
  startMailDelivery,
  stopMailDelivery,
} from "./mail.server.js";
import {
  startRatingReminders,
  stopRatingReminders,
} from "./rating-reminders.server.js";

export interface StartupInfo {
  port: number;
  host: string;
  displayHost: string;
  banner(url: string): string;
}

/**
 * Opens and migrates the database. A new embedded database gets the demo
 * program; a DATABASE_URL database never does.
 */
export async function startup(): Promise<StartupInfo> {
  const config = env();
  const isNewEmbedded =
    !config.DATABASE_URL && !existsSync(join(embeddedDataDir(), "PG_VERSION"));
  const { db, driver } = await connect();
  logger.info({ driver }, "Database ready");
  // Listening from the start lets the embed endpoint cache safely.
  await liveHub();

  const mailer = configuredMailer();
  if (mailer) {
    startMailDelivery(db, mailer);
    logger.info("Mail goes out through SMTP");
  } else {
    logger.info("No SMTP_URL: mail stays in the outbox (/outbox)");
  }

  let demo: DemoSignIns | null = null;
  if (isNewEmbedded) {
    const today = programToday({ timeZone: "America/New_York" });
    demo = await loadDemoProgram(db, { today });
    logger.info("Loaded the demo program into the new embedded database");
  } else if (!config.DATABASE_URL) {
    demo = await existingDemo();
  }

  startRatingReminders();

  startLeadSweep();
  return {
    port: config.PORT,
    host: config.HOST,
    displayHost: config.HOST === "127.0.0.1" ? "localhost" : config.HOST,
    banner: (url) => banner(url, demo),
  };
}

/** The embedded database may hold the demo from an earlier start. */
async function existingDemo(): Promise<DemoSignIns | null> {
  const { db } = await connect();
  return findDemoSignIns(db, DEMO_OWNER_EMAIL);
}

function banner(url: string, demo: DemoSignIns | null): string {
  const lines = ["", `Tandem is running at ${url}`, ""];
  if (demo) {
    lines.push(
      "Demo sign-ins (password for all: " + demo.password + "):",
      `  owner admin:  ${demo.owner}`,
      `  owner staff:  ${demo.staff}`,
      `  partner user: ${demo.partner} (${demo.partnerName})`,
      `  partner admin: ${demo.partnerAdmin} (${demo.partnerName})`,
      "",
    );
  }
  return lines.join("\n") + "\n";
}

export async function shutdown(): Promise<void> {
  // Open streams would keep the server from closing.
  await stopLive();
  await stopMailDelivery();
  await stopRatingReminders();
  await stopLeadSweep();
  await disconnect();
}
