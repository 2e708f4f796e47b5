import { z } from "zod";

const envSchema = z.object({
  NODE_ENV: z
    .enum(["development", "production", "test"])
    .default("development"),
  /** A PostgreSQL server; without it, the embedded PGlite database. */
  DATABASE_URL: z.string().url().optional(),
  /** Where the embedded database and the generated secret live. */
  TANDEM_DATA_DIR: z.string().min(1).default(".data"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  /** Signs the session cookie; required with DATABASE_URL in production. */
  SESSION_SECRET: z.string().min(32).optional(),
  /**
   * Embed requests per key: a bucket of this many, refilled at
   * EMBED_RATE_PER_SECOND. Kept per process (see decision 0009).
   */
  EMBED_RATE_BURST: z.coerce.number().int().min(1).default(60),
  EMBED_RATE_PER_SECOND: z.coerce.number().positive().default(2),
  /**
   * Outgoing mail: an SMTP URL such as smtps://user:pass@host:465. Without
   * it, mail stays in the outbox, which owner admins read at /outbox.
   */
  SMTP_URL: z.string().url().optional(),
  /** The From address of outgoing mail; required with SMTP_URL. */
  MAIL_FROM: z.string().min(3).optional(),
  /**
   * The portal's public address for links in mail (https://portal.example);
   * required with SMTP_URL. Without it (mail kept in the outbox), the
   * address the request came to.
   */
  PUBLIC_URL: z.string().url().optional(),
  /** Read by server.js: Express's "trust proxy" (a hop count or addresses). */
  TRUST_PROXY: z.string().optional(),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
    .default("info"),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** The validated environment; fails fast naming the bad variable. */
export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `${i.path.join(".")}: ${i.message}`)
      .join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  if (
    parsed.data.NODE_ENV === "production" &&
    parsed.data.DATABASE_URL &&
    !parsed.data.SESSION_SECRET
  ) {
    throw new Error(
      "Invalid environment: SESSION_SECRET is required with DATABASE_URL in production",
    );
  }
  for (const name of ["MAIL_FROM", "PUBLIC_URL"] as const) {
    if (parsed.data.SMTP_URL && !parsed.data[name]) {
      throw new Error(`Invalid environment: ${name} is required with SMTP_URL`);
    }
  }
  cached = parsed.data;
  return cached;
}
