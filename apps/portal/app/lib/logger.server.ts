import pino from "pino";
import { env } from "./env.server.js";
import { requestStore } from "./request-store.server.js";

/**
 * One JSON object a line in production, readable in development. Never
 * log passwords, tokens, cookies or a lead's contact details.
 */
export const logger = pino({
  level: process.env.VITEST ? "silent" : env().LOG_LEVEL,
  mixin: () => {
    const requestId = requestStore.getStore()?.requestId;
    return requestId ? { requestId } : {};
  },
  redact: ["req.headers.cookie", "password", "contactEmail", "contactName"],
  ...(env().NODE_ENV === "production"
    ? {}
    : { transport: { target: "pino-pretty", options: { colorize: false } } }),
});
