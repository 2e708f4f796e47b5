export { openTestDatabase } from "./database.js";
export { seedTenants, TEST_PASSWORD, type Tenants } from "./tenants.js";
