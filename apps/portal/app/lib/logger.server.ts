import pino from "pino";
import { env } from "./env.server.js";

/**
 * One JSON object a line in production, readable in development. Never
 * log passwords, tokens, cookies or a lead's contact details.
 */
export const logger = pino({
  level: process.env.VITEST ? "silent" : env().LOG_LEVEL,
  redact: ["req.headers.cookie", "password", "contactEmail", "contactName"],
  ...(env().NODE_ENV === "production"
    ? {}
    : { transport: { target: "pino-pretty", options: { colorize: false } } }),
});
