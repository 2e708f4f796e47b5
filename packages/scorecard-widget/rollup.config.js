import nodeResolve from "@rollup/plugin-node-resolve";
import terser from "@rollup/plugin-terser";
import typescript from "@rollup/plugin-typescript";

const input = "src/index.ts";

/** Lit stays a dependency of the ES build, so an app ships it once. */
const isLit = (id) => id === "lit" || id.startsWith("lit/");

export default [
  {
    input,
    external: isLit,
    output: { file: "dist/index.js", format: "es", sourcemap: true },
    plugins: [
      typescript({ tsconfig: "tsconfig.build.json", declarationDir: "dist" }),
    ],
  },
  {
    input,
    output: {
      file: "dist/partner-scorecard.min.js",
      // A classic <script src> tag cannot load an ES module.
      format: "iife",
      name: "TandemScorecard",
      sourcemap: true,
    },
    plugins: [
      nodeResolve({ browser: true }),
      typescript({
        tsconfig: "tsconfig.build.json",
        declaration: false,
        outDir: "dist",
      }),
      terser({ format: { comments: false } }),
    ],
  },
];
