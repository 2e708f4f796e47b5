import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { createCookie } from "@remix-run/node";
import { dataFile } from "./db.server.js";
import { env } from "./env.server.js";

/**
 * Without SESSION_SECRET (the embedded default), a secret is made once
 * and kept beside the database, so restarts keep people signed in.
 */
function sessionSecret(): string {
  const configured = env().SESSION_SECRET;
  if (configured) return configured;
  const file = dataFile("session-secret");
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

let cookie: ReturnType<typeof createCookie> | undefined;

/** Holds only the session id; the session row says whether it is live. */
export function sessionCookie() {
  cookie ??= createCookie("tandem_session", {
    httpOnly: true,
    sameSite: "lax",
    secure: env().NODE_ENV === "production",
    path: "/",
    maxAge: 30 * 24 * 60 * 60,
    secrets: [sessionSecret()],
  });
  return cookie;
}
