export * from "./activities.js";
export * from "./embed.js";
export * from "./enums.js";
export * from "./imports.js";
export * from "./leads.js";
export * from "./people.js";
export * from "./programs.js";
export * from "./revenue.js";
