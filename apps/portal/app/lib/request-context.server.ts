import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { logger } from "./logger.server.js";
import { requestStore } from "./request-store.server.js";

/**
 * Express middleware: gives each request an id, echoes it in
 * X-Request-Id, puts it on every log line written while the request is
 * served, and logs one line when the response is done. The query
 * string is left out of the log (it may carry a key or a redirect).
 */
export function requestContext(
  req: IncomingMessage,
  res: ServerResponse,
  next: () => void,
): void {
  const requestId = randomUUID();
  const started = process.hrtime.bigint();
  res.setHeader("X-Request-Id", requestId);
  res.on("finish", () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    requestStore.run({ requestId }, () =>
      logger.info(
        {
          method: req.method,
          path: (req.url ?? "").split("?")[0],
          status: res.statusCode,
          ms: Math.round(ms),
        },
        "Request served",
      ),
    );
  });
  requestStore.run({ requestId }, next);
}
