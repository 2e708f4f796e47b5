// Gzipped size of the widget's single-file script, beside Lit's own
// three core modules (what any Lit element must ship) as the baseline.
import { readFileSync, realpathSync } from "node:fs";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";

const gzipped = (bytes) => gzipSync(bytes, { level: 9 }).length;

export function measureSize(widgetDir) {
  const script = readFileSync(`${widgetDir}/dist/partner-scorecard.min.js`);
  const require = createRequire(`${widgetDir}/package.json`);
  // Lit's own dependencies sit beside it (pnpm links them so); their
  // exports name no require() paths, hence the files by path.
  const modules = join(dirname(realpathSync(require.resolve("lit"))), "..");
  const core = [
    "lit-html/lit-html.js",
    "@lit/reactive-element/reactive-element.js",
    "lit-element/lit-element.js",
  ].map((file) => readFileSync(join(modules, file)));
  return {
    widget: gzipped(script),
    lit: gzipped(Buffer.concat(core)),
  };
}
