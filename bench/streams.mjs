// The memory of one portal process holding many open event streams:
// its resident set with one stream and with all of them, in a process
// started for this alone (a busy one's garbage would blur the figure).
import { request } from "node:http";

const BATCH = 200;

export async function measureStreams({ url, origin, count, rssKb }) {
  const open = [];
  try {
    // One stream first, so the baseline includes the code paths warmed.
    open.push(await openStream(url, origin));
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const before = rssKb();
    for (let done = 1; done < count; done += BATCH) {
      const batch = Math.min(BATCH, count - done);
      const opened = await Promise.all(
        Array.from({ length: batch }, () => openStream(url, origin)),
      );
      open.push(...opened);
    }
    // Let every first event go out and the process settle.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const after = rssKb();
    return { count: open.length, beforeKb: before, afterKb: after };
  } finally {
    for (const stream of open) stream.destroy();
  }
}

function openStream(url, origin) {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, headers: { Origin: origin } });
    req.on("response", (response) => {
      if (response.statusCode !== 200) {
        reject(new Error(`a stream answered ${response.statusCode}`));
        return;
      }
      response.resume();
      resolve(req);
    });
    req.on("error", reject);
    req.end();
  });
}
