import { sql, type SQL } from "drizzle-orm";
import { call, cookieFor, type Answer } from "../harness.js";
import { ALPHA, OWNERS, type Actor, type Expectation } from "./actors.js";
import type { Fixtures, Secret } from "./fixtures.js";
import type { Params, Probe } from "./probe.js";

type RouteFn = Parameters<typeof call>[0];
export interface RouteModule {
  loader?: RouteFn;
  action?: RouteFn;
}

/**
 * The route files among `import.meta.glob` keys: the files right in
 * app/routes, and the route module of a folder route (`x/route.tsx`),
 * as Remix's flat routes read them. Test files are not routes.
 */
export function routeFiles(keys: string[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const key of keys) {
    const file = key.replace(/^.*\/app\/routes\//, "");
    if (/\.test\.tsx?$/.test(file)) continue;
    const parts = file.split("/");
    if (parts.length === 1 || /^route\.tsx?$/.test(parts[1]!)) {
      files.set(file, key);
    }
  }
  return files;
}

/** The URL path a route file answers, with its $params filled in. */
export function pathOf(file: string, params: Params): string {
  const name = file.replace(/\/route\.tsx?$/, "").replace(/\.tsx?$/, "");
  const segments = name.match(/(\[[^\]]*\]|[^.[])+/g) ?? [];
  const path = segments.flatMap((segment) => {
    if (segment === "_index" || segment.startsWith("_")) return [];
    const plain = segment.replace(/_$/, "").replace(/\[([^\]]*)\]/g, "$1");
    if (!plain.startsWith("$")) return [plain];
    const value = params[plain.slice(1)];
    if (value === undefined) {
      throw new Error(`${file}: no value for ${plain}; give it in params`);
    }
    return [encodeURIComponent(value)];
  });
  return `/${path.join("/")}`;
}

/** Rows of raw SQL: PGlite answers { rows }, postgres.js an array. */
async function selectRows(f: Fixtures, query: SQL) {
  const result: unknown = await f.portal.handle.db.execute(query);
  const rows = Array.isArray(result)
    ? result
    : (result as { rows: unknown[] }).rows;
  return rows as Record<string, unknown>[];
}

/** One table's rows, in a stable order, as text. */
async function rowsOf(f: Fixtures, table: string, where: string) {
  const [row] = await selectRows(
    f,
    sql.raw(
      `select coalesce(json_agg(to_jsonb(x) order by to_jsonb(x)::text), ` +
        `'[]')::text as rows from "${table}" x where ${where}`,
    ),
  );
  return `${table}: ${String(row?.rows)}`;
}

async function tables(f: Fixtures, column?: string): Promise<string[]> {
  const rows = await selectRows(
    f,
    column
      ? sql`select table_name as name from information_schema.columns
          where table_schema = 'public' and column_name = ${column}
          order by 1`
      : sql`select table_name as name from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE'
          order by 1`,
  );
  return rows.map((r) => String(r.name));
}

/**
 * Every row of every table but the sessions (each case signs in
 * afresh): what a refused request must leave exactly as it was.
 */
export async function everything(f: Fixtures): Promise<string[]> {
  const names = (await tables(f)).filter((t) => t !== "sessions");
  return Promise.all(names.map((t) => rowsOf(f, t, "true")));
}

/**
 * The rows an actor acting on its own tenant must not touch: for
 * another program's people, all of Acme's rows; for Beta's user, every
 * row that names Alpha.
 */
export async function notTheirs(f: Fixtures, actor: Actor) {
  const acme = f.t.acme.id;
  const own = await rowsOf(f, "programs", `id = ${acme}`);
  if (actor === "otherStaff" || actor === "omegaUser") {
    const names = await tables(f, "program_id");
    const rows = names.map((t) => rowsOf(f, t, `program_id = ${acme}`));
    return [own, ...(await Promise.all(rows))];
  }
  const names = await tables(f, "partner_id");
  const alpha = f.t.alpha.id;
  const rows = names.map((t) => rowsOf(f, t, `partner_id = ${alpha}`));
  return [own, ...(await Promise.all(rows))];
}

export interface Case {
  file: string;
  probe: Probe;
  actor: Actor;
  method: string;
}

export const label = (c: Case) =>
  `${c.file} ${c.method}${c.probe.name ? ` (${c.probe.name})` : ""} as ${c.actor}`;

export const methodOf = (probe: Probe) =>
  probe.method ?? (probe.form ? "POST" : "GET");

/** Reads what an event stream sends at once, then closes it. */
async function firstEvents(stream: ReadableStream<Uint8Array>) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const deadline = Date.now() + 1_000;
  while (!text.includes("data:") && Date.now() < deadline) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), deadline - Date.now());
    });
    const chunk = await Promise.race([reader.read(), timeout]);
    clearTimeout(timer);
    if (!chunk || chunk.done) break;
    text += decoder.decode(chunk.value, { stream: true });
  }
  await reader.cancel();
  return text;
}

/**
 * Sends one probe as one actor, the way Remix would route it. The
 * answer's `sent` lists what the request itself carried (query values,
 * headers): echoing those back is no leak.
 */
export async function ask(
  f: Fixtures,
  module: RouteModule,
  c: Case,
): Promise<Answer & { sent: string[] }> {
  const { probe, actor, method } = c;
  const allowed = c.probe.access[actor] === "sees";
  const target = allowed && probe.fresh ? await probe.fresh(f, actor) : null;
  const params = { ...probe.params?.(f), ...target };
  const query = probe.query?.(f, target) ?? "";
  const path = pathOf(c.file, params) + query;
  const headers = probe.headers?.(f);
  const sent = [
    ...new URLSearchParams(query).values(),
    ...Object.values(headers ?? {}),
  ].filter((v) => v !== "");
  const read = method === "GET" || method === "HEAD";
  const fn = read ? module.loader : module.action;
  // Remix answers 405 itself where a route has no action.
  if (!fn) {
    const status = read ? 200 : 405;
    return { status, location: null, body: "", headers: new Headers(), sent };
  }
  const user = actor === "nobody" ? null : f.t.users[actor];
  const controller = new AbortController();
  const answer = await call(fn, path, {
    method,
    cookie: user ? await cookieFor(f.portal.handle, user.id) : null,
    params,
    form: probe.form?.(f, actor, target),
    headers,
    context: probe.context?.(f, actor),
    signal: controller.signal,
  });
  if (answer.stream) answer.body = await firstEvents(answer.stream);
  controller.abort();
  return { ...answer, sent };
}

function textOf(answer: Answer & { sent: string[] }): string {
  const body =
    typeof answer.body === "string"
      ? answer.body
      : JSON.stringify(answer.body, (_k, v: unknown) =>
          typeof v === "bigint" ? v.toString() : v,
        );
  const text = `${answer.location ?? ""}\n${body ?? ""}`;
  return answer.sent.reduce((t, s) => t.replaceAll(s, "(sent)"), text);
}

/**
 * The secrets this answer must not hold: for a refusal, every one;
 * otherwise those the actor may not see, and, where the actor may see
 * Alpha's data, those not seen by all of Alpha's side (a person's own
 * notification, an invitee's address) as well.
 */
function forbiddenFor(secrets: Secret[], c: Case, e: Expectation) {
  if (e === "refused") return secrets;
  const alphaSide = [...OWNERS, ...ALPHA];
  return secrets.filter(
    (s) =>
      !s.seenBy.includes(c.actor) &&
      !(e === "sees" && alphaSide.every((a) => s.seenBy.includes(a))),
  );
}

const isSignIn = (location: string | null) =>
  location !== null && /^\/login(\?|$)/.test(location);

/** What is wrong with this answer for this case; empty when right. */
export async function judge(
  f: Fixtures,
  c: Case,
  answer: Answer & { sent: string[] },
): Promise<string[]> {
  const e = c.probe.access[c.actor];
  const wrong: string[] = [];
  const { status, location } = answer;
  const got = `${status}${location ? ` to ${location}` : ""}`;
  if (e === "refused") {
    const signIn = status === 302 && isSignIn(location);
    // A probe's own refusal statuses hold for its method; PUT, PATCH
    // and DELETE may be answered 405 before any of them.
    const ok = c.probe.refusal
      ? c.probe.refusal.includes(status) ||
        (status === 405 && c.method !== methodOf(c.probe))
      : [403, 404, 405].includes(status) || (signIn && c.actor === "nobody");
    if (!ok) wrong.push(`expected a refusal, got ${got}`);
    const cors = answer.headers.get("Access-Control-Allow-Origin");
    if (cors && !c.probe.readableRefusal) {
      wrong.push("a refusal carries Access-Control-Allow-Origin");
    }
  } else if (e === "invalid") {
    if (status !== 400) wrong.push(`expected 400, got ${got}`);
  } else {
    const ok = c.probe.ok ?? [200, 302];
    // The sign-in page asked to come back: not an allowed answer.
    const toSignIn =
      status === 302 && /^\/login\?(.*&)?redirectTo=/.test(location ?? "");
    if (!ok.includes(status) || toSignIn) {
      wrong.push(`expected ${ok.join(" or ")} (${e}), got ${got}`);
    }
  }
  const text = textOf(answer);
  for (const secret of forbiddenFor(f.secrets, c, e)) {
    if (text.includes(secret.text)) wrong.push(`leaks ${secret.text}`);
  }
  if (e === "sees" && c.probe.shows && status === 200) {
    const shown = c.probe.shows(f);
    if (!text.includes(shown)) wrong.push(`does not show ${shown}`);
  }
  if ((e === "sees" || e === "apart") && wrong.length === 0) {
    try {
      await c.probe.then?.(answer, c.actor, f);
    } catch (error) {
      wrong.push(error instanceof Error ? error.message : String(error));
    }
  }
  return wrong.map((w) => `${label(c)}: ${w}`);
}
