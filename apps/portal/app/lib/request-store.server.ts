import { AsyncLocalStorage } from "node:async_hooks";

/** The id of the request being served, for the logger's lines. */
export const requestStore = new AsyncLocalStorage<{ requestId: string }>();
