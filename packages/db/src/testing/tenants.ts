import { addMembership, createUser } from "../auth.js";
import type { Database } from "../client.js";
import { createPartner, createProgram } from "../programs.js";
import type { Role } from "../schema/enums.js";

export const TEST_PASSWORD = "correct horse battery staple";

export interface TestUser {
  id: number;
  email: string;
  role: Role;
  programId: number;
  partnerId: number | null;
}

/**
 * Two programs for tenancy tests: "Acme" with partners Alpha and Beta,
 * and "Other" with partner Omega; a user for each role (Alpha has a partner admin too).
 */
export async function seedTenants(db: Database) {
  const acme = await createProgram(db, {
    name: "Acme Partners",
    timeZone: "America/Los_Angeles",
    currency: "USD",
  });
  const other = await createProgram(db, {
    name: "Other Program",
    timeZone: "Europe/Berlin",
    currency: "EUR",
  });
  const alpha = await createPartner(db, { programId: acme.id, name: "Alpha" });
  const beta = await createPartner(db, { programId: acme.id, name: "Beta" });
  const omega = await createPartner(db, { programId: other.id, name: "Omega" });

  const user = async (
    email: string,
    role: Role,
    programId: number,
    partnerId: number | null,
  ): Promise<TestUser> => {
    const created = await createUser(db, {
      email,
      name: email.split("@")[0]!,
      password: TEST_PASSWORD,
    });
    await addMembership(db, { programId, userId: created.id, role, partnerId });
    return { id: created.id, email, role, programId, partnerId };
  };

  return {
    acme,
    other,
    alpha,
    beta,
    omega,
    users: {
      ownerAdmin: await user("admin@acme.test", "owner_admin", acme.id, null),
      ownerStaff: await user("staff@acme.test", "owner_staff", acme.id, null),
      alphaUser: await user(
        "ann@alpha.test",
        "partner_user",
        acme.id,
        alpha.id,
      ),
      alphaAdmin: await user(
        "pat@alpha.test",
        "partner_admin",
        acme.id,
        alpha.id,
      ),
      betaUser: await user("bob@beta.test", "partner_user", acme.id, beta.id),
      otherStaff: await user("olga@other.test", "owner_staff", other.id, null),
      omegaUser: await user(
        "oz@omega.test",
        "partner_user",
        other.id,
        omega.id,
      ),
    },
  };
}

export type Tenants = Awaited<ReturnType<typeof seedTenants>>;
