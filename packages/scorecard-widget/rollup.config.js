import nodeResolve from "@rollup/plugin-node-resolve";
import terser from "@rollup/plugin-terser";
import typescript from "@rollup/plugin-typescript";

const input = "src/index.ts";

/**
 * The ES build keeps one module per source file (an app's bundler can
 * drop what it does not use) and Lit as a dependency, so an app that
 * already uses Lit ships it once.
 */
const isLit = (id) => id === "lit" || id.startsWith("lit/");

export default [
  {
    input,
    external: isLit,
    output: {
      dir: "dist",
      format: "es",
      preserveModules: true,
      preserveModulesRoot: "src",
      sourcemap: true,
    },
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
