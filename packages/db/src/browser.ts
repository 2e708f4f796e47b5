/** What pages may import in the browser: values, no database code. */
export * from "./lead-transitions.js";
export * from "./values.js";
