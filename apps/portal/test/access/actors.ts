/**
 * Everyone the walk asks as: a user of each role in program Acme (owner
 * admin and staff; Alpha's partner admin and user; Beta's user), the
 * staff and a partner user of program Other, and nobody signed in.
 */
export const ACTORS = [
  "ownerAdmin",
  "ownerStaff",
  "alphaAdmin",
  "alphaUser",
  "betaUser",
  "otherStaff",
  "omegaUser",
  "nobody",
] as const;

export type Actor = (typeof ACTORS)[number];

/**
 * What an actor must get:
 * - sees: allowed, and may see Alpha's data;
 * - apart: allowed, on the actor's own tenant only: no trace of the
 *   data planted for others, and (for a change) none of it changed;
 * - invalid: a reference to another tenant's row is bad input: 400,
 *   no trace, nothing changed;
 * - refused: 302 to the sign-in page (nobody), 403, 404, or 405 (a
 *   method the route does not answer), no trace, nothing changed.
 */
export type Expectation = "sees" | "apart" | "invalid" | "refused";

export type Access = Record<Actor, Expectation>;

export const OWNERS = ["ownerAdmin", "ownerStaff"] as const;
export const ALPHA = ["alphaAdmin", "alphaUser"] as const;
export const SIGNED_IN = ACTORS.filter((a) => a !== "nobody");

/** Who sees, who is apart, who is invalid; everyone else is refused. */
export function access(groups: {
  sees?: readonly Actor[];
  apart?: readonly Actor[];
  invalid?: readonly Actor[];
}): Access {
  const result = Object.fromEntries(
    ACTORS.map((a) => [a, "refused"]),
  ) as Access;
  for (const kind of ["sees", "apart", "invalid"] as const) {
    for (const actor of groups[kind] ?? []) {
      if (result[actor] !== "refused") {
        throw new Error(`${actor} is given two expectations`);
      }
      result[actor] = kind;
    }
  }
  return result;
}

/** The same answer for everyone: a public page or endpoint. */
export const everyone = (kind: Expectation): Access =>
  Object.fromEntries(ACTORS.map((a) => [a, kind])) as Access;
