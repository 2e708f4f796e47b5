import type { LoaderFunctionArgs } from "@remix-run/node";

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A page with nothing but the widget, as a site owner would paste it.
 * Public: an embed key is publishable, and the endpoint checks it.
 */
export function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const key = url.searchParams.get("key") ?? "";
  const period = url.searchParams.get("period") ?? "quarter";
  const body = key
    ? `<partner-scorecard key="${escape(key)}" period="${escape(period)}"></partner-scorecard>`
    : `<p>Add <code>?key=pk_…</code> with a key from the portal's Embed keys page.</p>`;
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>partner-scorecard demo</title>
<link rel="icon" href="data:,">
<script src="/widget/partner-scorecard.js" defer></script>
</head>
<body style="font-family: system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem">
<main>
<h1>&lt;partner-scorecard&gt; demo</h1>
<p>Paste these two lines into any page on an allowed origin:</p>
<pre style="white-space: pre-wrap; overflow-wrap: anywhere">${escape(`<script src="${url.origin}/widget/partner-scorecard.js" defer></script>\n<partner-scorecard key="${key || "pk_…"}" period="quarter"></partner-scorecard>`)}</pre>
${body}
</main>
</body>
</html>`;
  return new Response(html, {
    headers: { "Content-Type": "text/html; charset=utf-8" },
  });
}
