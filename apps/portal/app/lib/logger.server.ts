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

/**
 * An error as it may be logged: a database error's message carries the
 * query's parameters (a lead's contact details among them), so only its
 * first line before them is kept, with the stack's frames.
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const firstLine = (text: string) =>
    text.split("\n")[0]!.replace(/\s*params:.*$/s, "");
  const frames = (error.stack ?? "")
    .split("\n")
    .filter((line) => line.trimStart().startsWith("at "))
    .slice(0, 8)
    .join("\n");
  // A database error's own message may quote a value: keep its code.
  const codeOf = (e: unknown) =>
    e instanceof Error && "code" in e && typeof e.code === "string"
      ? e.code
      : undefined;
  const code = codeOf(error);
  const cause = codeOf(error.cause);
  return {
    name: error.name,
    message: firstLine(error.message),
    code,
    cause,
    stack: frames,
  };
}
