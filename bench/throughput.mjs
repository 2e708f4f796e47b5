// Requests per second of the embed JSON endpoint, against a bare Node
// HTTP server sending the very same bytes and headers, in one run.
import { createServer } from "node:http";
import autocannon from "autocannon";

const KEPT = [
  "content-type",
  "etag",
  "cache-control",
  "vary",
  "access-control-allow-origin",
  "x-content-type-options",
];

export async function measureThroughput({ url, origin, port, seconds }) {
  const sample = await fetch(url, { headers: { Origin: origin } });
  if (!sample.ok) throw new Error(`${url} answered ${sample.status}`);
  const body = Buffer.from(await sample.arrayBuffer());
  const headers = Object.fromEntries(
    KEPT.map((name) => [name, sample.headers.get(name)]).filter(([, v]) => v),
  );
  const bare = createServer((_request, response) => {
    response.writeHead(200, headers);
    response.end(body);
  });
  await new Promise((resolve) => bare.listen(port, "127.0.0.1", resolve));
  try {
    const options = { connections: 10, duration: seconds };
    const asked = { headers: { Origin: origin } };
    const endpoint = await run({ ...options, ...asked, url });
    const baseline = await run({
      ...options,
      url: `http://127.0.0.1:${port}/`,
    });
    return { endpoint, baseline, bytes: body.length };
  } finally {
    await new Promise((resolve) => bare.close(resolve));
  }
}

async function run(options) {
  const result = await autocannon(options);
  if (result.non2xx > 0 || result.errors > 0) {
    const problems = `${result.non2xx} non-2xx, ${result.errors} errors`;
    throw new Error(`${options.url}: ${problems}`);
  }
  return result.requests.average;
}
