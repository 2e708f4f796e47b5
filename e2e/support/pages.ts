import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { DemoUser } from "./demo.js";

/** Rows of the demo program the pages with ids in their paths show. */
export interface DemoIds {
  partner: number;
  lead: number;
  leadsUpload: number;
  revenueUpload: number;
  import: number;
  /** Cedar's lead under review against Bluefin's lead. */
  conflict: number;
  /** A review of Bluefin's, opened by staff. */
  review: number;
  /** An open invitation's link, and an unused reset link: path and query. */
  invitation: string;
  reset: string;
}

export interface PageVisit {
  path: (ids: DemoIds) => string;
  /** Who opens it; null is nobody signed in. */
  as: readonly (DemoUser | null)[];
}

/**
 * Every page of the portal, by route file, and the people who see it.
 * Owner-side pages are visited by the admin and by staff where the
 * admin sees more (forms only admins may use).
 */
export const PAGES: Record<string, PageVisit[]> = {
  "login.tsx": [{ path: () => "/login", as: [null] }],
  "leads._index.tsx": [{ path: () => "/leads", as: ["staff", "bluefin"] }],
  "leads.new.tsx": [{ path: () => "/leads/new", as: ["bluefin"] }],
  "leads.$leadId.tsx": [
    { path: (ids) => `/leads/${ids.lead}`, as: ["staff", "bluefin"] },
  ],
  "partners._index.tsx": [{ path: () => "/partners", as: ["owner", "staff"] }],
  "partners.$partnerId.scorecard.tsx": [
    {
      path: (ids) => `/partners/${ids.partner}/scorecard`,
      as: ["staff", "bluefin"],
    },
  ],
  "partners.$partnerId.objectives.tsx": [
    { path: (ids) => `/partners/${ids.partner}/objectives`, as: ["staff"] },
  ],
  "partners.$partnerId.edit.tsx": [
    { path: (ids) => `/partners/${ids.partner}/edit`, as: ["owner"] },
  ],
  "overview.tsx": [{ path: () => "/overview", as: ["staff"] }],
  "records.tsx": [{ path: () => "/records", as: ["staff"] }],
  "imports.leads._index.tsx": [{ path: () => "/imports/leads", as: ["staff"] }],
  "imports.leads.$uploadId.tsx": [
    { path: (ids) => `/imports/leads/${ids.leadsUpload}`, as: ["staff"] },
  ],
  "imports.revenue._index.tsx": [
    { path: () => "/imports/revenue", as: ["staff"] },
  ],
  "imports.revenue.$uploadId.tsx": [
    { path: (ids) => `/imports/revenue/${ids.revenueUpload}`, as: ["staff"] },
  ],
  "imports.$importId.tsx": [
    { path: (ids) => `/imports/${ids.import}`, as: ["staff"] },
  ],
  "embed-keys.tsx": [{ path: () => "/embed-keys", as: ["staff"] }],
  "settings.tsx": [{ path: () => "/settings", as: ["owner", "staff"] }],
  "partners.$partnerId.activities.tsx": [
    {
      path: (ids) => `/partners/${ids.partner}/activities`,
      as: ["staff", "bluefin"],
    },
  ],
  "partners.$partnerId.reviews.tsx": [
    {
      path: (ids) => `/partners/${ids.partner}/reviews`,
      as: ["staff", "bluefin"],
    },
  ],
  "reviews.$reviewId.tsx": [
    { path: (ids) => `/reviews/${ids.review}`, as: ["staff", "bluefin"] },
  ],
  "notifications._index.tsx": [
    { path: () => "/notifications", as: ["staff", "bluefin"] },
  ],
  "account.tsx": [{ path: () => "/account", as: ["staff", "bluefin"] }],
  "notifications.preferences.tsx": [
    { path: () => "/notifications/preferences", as: ["staff", "bluefin"] },
  ],
  // Partner admins see a narrower people page: no demo person has one
  // whose password stays the demo's (onboarding.spec.ts resets it).
  "people.tsx": [{ path: () => "/people", as: ["owner"] }],
  "audit.tsx": [{ path: () => "/audit", as: ["owner"] }],
  "outbox.tsx": [{ path: () => "/outbox", as: ["owner"] }],
  "invitations.accept.tsx": [{ path: (ids) => ids.invitation, as: [null] }],
  "password.forgot.tsx": [{ path: () => "/password/forgot", as: [null] }],
  "password.reset.tsx": [{ path: (ids) => ids.reset, as: [null] }],
  // A resource route, but a page a person opens.
  "widget.demo.ts": [{ path: () => "/widget/demo", as: [null] }],
};

// Deal registration (decision 0016): the decision inbox, a conflict,
// and a lead under review as its partner sees it (one test per page and
// person, so staff, who open every lead alike, are listed once above).
PAGES["leads.inbox.tsx"] = [{ path: () => "/leads/inbox", as: ["staff"] }];
PAGES["leads.$leadId_.conflict.tsx"] = [
  { path: (ids) => `/leads/${ids.conflict}/conflict`, as: ["staff"] },
];
PAGES["leads.$leadId.tsx"]!.push({
  path: (ids) => `/leads/${ids.conflict}`,
  as: ["cedar"],
});

const ROUTES = fileURLToPath(
  new URL("../../apps/portal/app/routes", import.meta.url),
);

/** Route files: those right in app/routes, and x/route.tsx of a folder. */
function routeFiles(): string[] {
  return readdirSync(ROUTES)
    .filter((file) => !file.includes(".test."))
    .flatMap((file) => {
      if (!statSync(join(ROUTES, file)).isDirectory()) return [file];
      return ["route.tsx", "route.ts"]
        .map((name) => `${file}/${name}`)
        .filter((path) => existsSync(join(ROUTES, path)));
    });
}

/**
 * The route files that render a page: those with a default export (a
 * component). Redirects and endpoints have none.
 */
export function pageFiles(): string[] {
  return routeFiles()
    .filter((file) =>
      /^export default /m.test(readFileSync(join(ROUTES, file), "utf8")),
    )
    .sort();
}

export function routeFileExists(file: string): boolean {
  return routeFiles().includes(file);
}
