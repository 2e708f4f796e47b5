import type { Page, Request } from "@playwright/test";

/** The event streams a page opens, as the browser asks for them. */
export function watchStreams(page: Page): URL[] {
  const streams: URL[] = [];
  page.on("request", (request: Request) => {
    const url = new URL(request.url());
    if (url.pathname.endsWith("/embed/v1/stream")) streams.push(url);
  });
  return streams;
}

/**
 * Marks the page, so a test can tell it was not reloaded: the mark is
 * gone after a reload.
 */
export async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    document.documentElement.dataset.e2eMark = "kept";
  });
}

export async function pageKeptMark(page: Page): Promise<boolean> {
  return page.evaluate(
    () => document.documentElement.dataset.e2eMark === "kept",
  );
}
