// The manifest is read from the class comment of the element (its
// @attr, @event, @csspart and @cssproperty tags), so docs and manifest
// cannot drift apart.
export default {
  globs: ["src/partner-scorecard.ts"],
  outdir: "dist",
  litelement: true,
};
