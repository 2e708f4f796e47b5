/** The sign-ins a fresh embedded database's demo program comes with. */
export const DEMO_PASSWORD = "tandem-demo";

export const DEMO_USERS = {
  owner: "owner@demo.tandem.test",
  staff: "staff@demo.tandem.test",
  bluefin: "partner@bluefin-consulting.demo.tandem.test",
  cedar: "partner@cedar-stone-it.demo.tandem.test",
} as const;

export type DemoUser = keyof typeof DEMO_USERS;

/** The partner the Bluefin user belongs to. */
export const BLUEFIN = "Bluefin Consulting";

/** The partner the Cedar user belongs to. */
export const CEDAR = "Cedar & Stone IT";
