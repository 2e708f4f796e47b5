import {
  test as base,
  expect,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from "@playwright/test";
import { DEMO_USERS, type DemoUser } from "./demo.js";
import { signIn } from "./sign-in.js";

export interface OpenPageOptions extends BrowserContextOptions {
  /** Signs this demo user in first; anonymous without it. */
  as?: DemoUser;
}

interface Fixtures {
  /** A page in a browser context of its own: another person, apart. */
  openPage: (options?: OpenPageOptions) => Promise<Page>;
  /** Unexpected errors seen in any page of the test; must stay empty. */
  pageErrors: string[];
}

/**
 * What a browser reports for an answer the test asked for on purpose: a
 * 403 or 404 page, or a cross-origin read the portal refuses.
 */
const EXPECTED_CONSOLE_ERRORS = [
  /^Failed to load resource: the server responded with a status of 4\d\d/,
  /has been blocked by CORS policy/,
  /^Failed to load resource: net::ERR_FAILED$/,
];

function watch(context: BrowserContext, errors: string[]): void {
  context.on("weberror", (error) => {
    errors.push(`uncaught: ${error.error().message}`);
  });
  context.on("console", (message) => {
    if (message.type() !== "error") return;
    const text = message.text();
    if (EXPECTED_CONSOLE_ERRORS.some((pattern) => pattern.test(text))) return;
    errors.push(`console.error on ${message.page()?.url()}: ${text}`);
  });
}

export const test = base.extend<Fixtures>({
  pageErrors: [
    async ({ context }, use) => {
      const errors: string[] = [];
      watch(context, errors);
      await use(errors);
      expect(errors, "errors logged by the pages").toEqual([]);
    },
    { auto: true },
  ],

  openPage: async ({ browser, pageErrors }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async ({ as, ...options } = {}) => {
      const context = await browser.newContext(options);
      contexts.push(context);
      watch(context, pageErrors);
      const page = await context.newPage();
      if (as) await signIn(page, DEMO_USERS[as]);
      return page;
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});

export { expect };
