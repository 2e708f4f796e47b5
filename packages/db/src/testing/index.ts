export { openTestDatabase } from "./database.js";
export { revenueMonthsApart } from "./revenue-months.js";
export { seedTenants, TEST_PASSWORD, type Tenants } from "./tenants.js";
