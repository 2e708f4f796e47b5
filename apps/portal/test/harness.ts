import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { createSession, type DatabaseHandle } from "@tandem/db";
import {
  openTestDatabase,
  seedTenants,
  type Tenants,
} from "@tandem/db/testing";
import { disconnect, useDatabase } from "~/lib/db.server.js";
import { sessionCookie } from "~/lib/session.server.js";

export interface TestPortal {
  handle: DatabaseHandle;
  t: Tenants;
  close(): Promise<void>;
}

/** A fresh database with two programs, handed to the portal's modules. */
export async function startPortal(): Promise<TestPortal> {
  const handle = await openTestDatabase();
  useDatabase(handle);
  const t = await seedTenants(handle.db);
  return { handle, t, close: () => disconnect() };
}

/** A session cookie for the user, as the sign-in action would set it. */
export async function cookieFor(
  handle: DatabaseHandle,
  userId: number,
): Promise<string> {
  const session = await createSession(handle.db, { userId });
  const header = await sessionCookie().serialize(session.id);
  return header.split(";")[0]!;
}

export interface Answer {
  status: number;
  location: string | null;
  /** Loader/action data, or the body text of a Response. */
  body: unknown;
  headers: Headers;
  /** An event stream's body, left unread: it does not end by itself. */
  stream?: ReadableStream<Uint8Array> | null;
}

type RouteFn = (
  args: LoaderFunctionArgs | ActionFunctionArgs,
) => Promise<unknown> | unknown;

interface CallOptions {
  method?: string;
  cookie?: string | null;
  params?: Record<string, string>;
  form?: Record<string, string> | FormData;
  headers?: Record<string, string>;
  /** Aborts the request, as a browser closing an event stream does. */
  signal?: AbortSignal;
  /** The load context server.js would give (a client address). */
  context?: Record<string, unknown>;
}

/**
 * Calls a loader or action as Remix would and normalises what comes
 * back (a value, data(), a Response, or a thrown Response).
 */
export async function call(
  fn: RouteFn | undefined,
  path: string,
  options: CallOptions = {},
): Promise<Answer> {
  if (!fn) throw new Error(`no such function for ${path}`);
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set("Cookie", options.cookie);
  let body: BodyInit | undefined;
  if (options.form instanceof FormData) body = options.form;
  else if (options.form) body = new URLSearchParams(options.form);
  const request = new Request(`http://localhost${path}`, {
    method: options.method ?? (options.form ? "POST" : "GET"),
    headers,
    body,
    signal: options.signal,
  });
  let result: unknown;
  try {
    result = await fn({
      request,
      params: options.params ?? {},
      context: options.context ?? {},
    });
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    result = thrown;
  }
  return normalise(result);
}

async function normalise(result: unknown): Promise<Answer> {
  if (result instanceof Response) {
    const type = result.headers.get("Content-Type") ?? "";
    if (type.startsWith("text/event-stream")) {
      return {
        status: result.status,
        location: null,
        body: "",
        headers: result.headers,
        stream: result.body,
      };
    }
    return {
      status: result.status,
      location: result.headers.get("Location"),
      body: result.status === 304 ? "" : await result.text(),
      headers: result.headers,
    };
  }
  if (
    result !== null &&
    typeof result === "object" &&
    "type" in result &&
    result.type === "DataWithResponseInit"
  ) {
    const withInit = result as unknown as {
      data: unknown;
      init: ResponseInit | null;
    };
    return {
      status: withInit.init?.status ?? 200,
      location: null,
      body: withInit.data,
      headers: new Headers(withInit.init?.headers),
    };
  }
  return { status: 200, location: null, body: result, headers: new Headers() };
}
