// The portal's HTTP server: static assets, then every request to Remix.
// Start-up (database, migrations, demo) lives in the server build's
// entry module, so it shares one database handle with the routes.
import { createRequestHandler } from "@remix-run/express";
import { createServer } from "node:http";
import express from "express";

const build = await import("./build/server/index.js");
const { startup, shutdown, logger, requestContext, embedFastPath } =
  build.entry.module;

const info = await startup();
const app = express();
app.disable("x-powered-by");
// Behind a proxy, TRUST_PROXY (a hop count, or addresses Express
// understands) makes req.ip the client's rather than the proxy's.
const trustProxy = process.env.TRUST_PROXY;
if (trustProxy) {
  app.set(
    "trust proxy",
    /^\d+$/.test(trustProxy) ? Number(trustProxy) : trustProxy,
  );
}
app.use(requestContext);
app.use(limitBodies);
app.use(refuseForeignForms);
app.use(refuseLegacyDataRequests);
app.use(
  "/assets",
  express.static("build/client/assets", { immutable: true, maxAge: "1y" }),
);
app.use(express.static("build/client", { maxAge: "1h" }));
app.all(
  "*",
  createRequestHandler({
    build,
    // Sign-in limits count failures per client address too.
    getLoadContext: (req) => ({ clientAddress: req.ip ?? null }),
  }),
);

// The embed JSON's cached common case skips Express (see the bench).
const server = createServer((req, res) =>
  embedFastPath(req, res, () => app(req, res)),
);
server.listen(info.port, info.host, () => {
  process.stdout.write(info.banner(`http://${info.displayHost}:${info.port}`));
});

// remix-serve and friends hang on SIGTERM while a database connection is
// open, and open event streams would hold the server: end the streams
// (shutdown() does that first, synchronously), stop accepting, give the
// last bytes a moment to leave, then close the database and exit.
let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "Shutting down");
    const done = shutdown();
    server.close(() => done.finally(() => process.exit(0)));
    setTimeout(() => server.closeAllConnections(), 500).unref();
    setTimeout(() => process.exit(1), 10_000).unref();
  });
}

/**
 * Bodies are read whole by the routes, so their size is capped before
 * any is read: forms at 1 MiB, uploads a little over the import limit
 * (the import page answers those over its own limit itself).
 */
function limitBodies(req, res, next) {
  if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return next();
  const multipart = (req.headers["content-type"] ?? "").startsWith(
    "multipart/form-data",
  );
  const limit = multipart ? 12 * 1024 * 1024 : 1024 * 1024;
  const length = Number(req.headers["content-length"] ?? "0");
  if (req.headers["transfer-encoding"] && !req.headers["content-length"]) {
    res.status(411).type("text/plain").send("Send a Content-Length.");
    return;
  }
  if (length > limit) {
    res.status(413).type("text/plain").send("The request is too large.");
    return;
  }
  next();
}

/**
 * A form sent from another origin is refused with a 403 that says why.
 * Remix makes the same check before an action (its CSRF guard) but
 * throws, which left an empty 500. The host compared is the one Remix
 * uses: X-Forwarded-Host when a proxy sets it, else Host; a proxy in
 * front of the portal must pass on the host the browser asked for.
 */
function refuseForeignForms(req, res, next) {
  if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return next();
  const origin = req.headers.origin;
  if (origin === undefined) return next();
  const forwarded = req.headers["x-forwarded-host"]?.split(",")[0]?.trim();
  const host = forwarded || req.headers.host;
  if (origin !== "null" && URL.canParse(origin)) {
    if (new URL(origin).host === host) return next();
  }
  res
    .status(403)
    .type("text/plain")
    .send(
      "Tandem did not carry out this form: it was sent from another site " +
        "or a page that would not say where it came from. Open the page " +
        "in Tandem and send it from there.",
    );
}

/**
 * The portal fetches route data the single-fetch way (`.data` addresses).
 * Remix still answers the older `?_data=` requests, but wraps a loader's
 * plain object as if it were a Response, so a loader whose data has a
 * `status` field (the leads list's filter) became a 500.
 */
function refuseLegacyDataRequests(req, res, next) {
  if (req.query._data === undefined) return next();
  res
    .status(400)
    .type("text/plain")
    .send("This address does not take _data; ask for the page itself.");
}
