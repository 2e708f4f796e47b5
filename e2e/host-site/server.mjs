// A partner's web site, on an origin of its own: one page that embeds the
// portal's <partner-scorecard> the way the portal tells site owners to,
// with the embed key taken from the page's query string (?key=pk_...).
import { createServer } from "node:http";

const port = Number(process.env.PORT ?? 3211);
const host = process.env.HOST ?? "127.0.0.1";
const portal = process.env.PORTAL_ORIGIN ?? "http://localhost:3210";

const escapeHtml = (text) =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(key) {
  const widget = key
    ? `<partner-scorecard key="${escapeHtml(key)}" period="quarter">` +
      `</partner-scorecard>`
    : `<p>Open this page with ?key=pk_… to show a scorecard.</p>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Bluefin Consulting · Our partnerships</title>
<script src="${escapeHtml(portal)}/widget/partner-scorecard.js" defer></script>
</head>
<body>
<main>
<h1>Our partnership with Harbor Analytics</h1>
${widget}
</main>
</body>
</html>
`;
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? "/", `http://${host}:${port}`);
  if (request.method !== "GET" || url.pathname !== "/") {
    response.writeHead(404, { "Content-Type": "text/plain" });
    response.end("Not found");
    return;
  }
  response.writeHead(200, {
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
  });
  response.end(page(url.searchParams.get("key") ?? ""));
});

server.listen(port, host, () => {
  console.log(`Host site at http://${host}:${port}, embedding ${portal}`);
});
