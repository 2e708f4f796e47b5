// A partner's web site, on an origin of its own: one page that embeds the
// portal's <partner-scorecard> the way the portal tells site owners to.
// Query: ?key=pk_… (repeat for several cards), &api=<portal origin>,
// &theme=dark, &twice=1 (the script tag twice), &csp=1 (a strict CSP),
// &hostile=1 (page styles that try to reach into every element).
import { createServer } from "node:http";

const port = Number(process.env.PORT ?? 3211);
const host = process.env.HOST ?? "127.0.0.1";
const portal = process.env.PORTAL_ORIGIN ?? "http://localhost:3210";

const escapeHtml = (text) =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const HOSTILE = `
* { color: rgb(255, 0, 0) !important; font: italic 40px/5 serif !important;
    letter-spacing: 1em !important; text-transform: uppercase !important; }
h2, li, span, p { display: none !important; }
`;

function card(key, query) {
  const attributes = [`key="${escapeHtml(key)}"`, `period="quarter"`];
  const theme = query.get("theme");
  if (theme) attributes.push(`theme="${escapeHtml(theme)}"`);
  const api = query.get("api");
  if (api) attributes.push(`api-base="${escapeHtml(api)}"`);
  return `<partner-scorecard ${attributes.join(" ")}></partner-scorecard>`;
}

function page(query) {
  const keys = query.getAll("key").filter(Boolean);
  const source = query.get("api") || portal;
  const script =
    `<script src="${escapeHtml(source)}/widget/partner-scorecard.js" ` +
    `defer></script>`;
  const scripts = query.get("twice") ? `${script}\n${script}` : script;
  const widgets = keys.length
    ? keys.map((key) => card(key, query)).join("\n")
    : `<p>Open this page with ?key=pk_… to show a scorecard.</p>`;
  const styles = query.get("hostile") ? `<style>${HOSTILE}</style>` : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Bluefin Consulting · Our partnerships</title>
<link rel="icon" href="data:,">
${styles}
${scripts}
</head>
<body>
<main>
<h1>Our partnership with Harbor Analytics</h1>
${widgets}
</main>
</body>
</html>
`;
}

/** No inline script or style anywhere: only the portal may load. */
function strictCsp(query) {
  const source = query.get("api") || portal;
  return [
    "default-src 'none'",
    `script-src ${source}`,
    `connect-src ${source}`,
    "style-src 'none'",
    "img-src data:",
  ].join("; ");
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? "/", `http://${host}:${port}`);
  if (request.method !== "GET" || url.pathname !== "/") {
    response.writeHead(404, { "Content-Type": "text/plain" });
    response.end("Not found");
    return;
  }
  const headers = {
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
  };
  if (url.searchParams.get("csp")) {
    headers["Content-Security-Policy"] = strictCsp(url.searchParams);
  }
  response.writeHead(200, headers);
  response.end(page(url.searchParams));
});

server.listen(port, host, () => {
  console.log(`Host site at http://${host}:${port}, embedding ${portal}`);
});
