import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

let script: Promise<string> | undefined;

/** The widget's single-file build, read once from its package. */
export function widgetScript(): Promise<string> {
  script ??= readFile(
    createRequire(import.meta.url).resolve(
      "@tandem/scorecard-widget/partner-scorecard.min.js",
    ),
    "utf8",
  ).catch((error: unknown) => {
    script = undefined;
    throw new Error(
      "The widget is not built: run `pnpm --filter @tandem/scorecard-widget build`",
      { cause: error },
    );
  });
  return script;
}
