import { PartnerScorecard } from "./partner-scorecard.js";

export { PartnerScorecard };
export type {
  ScorecardTheme,
  TandemErrorEvent,
  TandemLoadEvent,
  TandemUpdateEvent,
} from "./partner-scorecard.js";

// The script tag and an ES import may both reach one page, and a second
// define() of the same name throws; the first definition wins.
if (
  typeof customElements !== "undefined" &&
  !customElements.get("partner-scorecard")
) {
  customElements.define("partner-scorecard", PartnerScorecard);
}
