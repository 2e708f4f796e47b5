import type { Answer } from "../harness.js";
import type { Access, Actor } from "./actors.js";
import type { Fixtures } from "./fixtures.js";

export type Params = Record<string, string>;

/** One request the walk sends to a route, as every actor. */
export interface Probe {
  /** Names the probe in failures, after the method: "accept". */
  name?: string;
  /** GET by default, POST when there is a form. */
  method?: "GET" | "POST" | "OPTIONS";
  /** Values of the file name's $segments: Alpha's rows, mostly. */
  params?: (f: Fixtures) => Params;
  /** The query string, with its "?"; `target` as for `form`. */
  query?: (f: Fixtures, target: Params | null) => string;
  headers?: (f: Fixtures) => Record<string, string>;
  /** The load context the server would give (a client address). */
  context?: (f: Fixtures, actor: Actor) => Record<string, unknown>;
  /** A form that would do something real for those allowed. */
  form?: (
    f: Fixtures,
    actor: Actor,
    /** What `fresh` made for this actor, if it made anything. */
    target: Params | null,
  ) => Record<string, string> | FormData;
  /**
   * Params for an allowed actor of a change that uses up its target
   * (a decision, a revocation): a fresh one of Alpha's, made for it.
   * Refused actors still aim at the planted rows.
   */
  fresh?: (f: Fixtures, actor: Actor) => Promise<Params>;
  access: Access;
  /** What an actor who sees must find: proof the secret is there. */
  shows?: (f: Fixtures) => string;
  /** Statuses a refusal must have here, when not any refusal's. */
  refusal?: readonly number[];
  /**
   * The refusal names no key, partner or program (an embed key that does
   * not exist), so the asking page may read it (decision 0006).
   */
  readableRefusal?: true;
  /** Statuses an allowed answer may have (200 and 302 by default). */
  ok?: readonly number[];
  /** More checks of an allowed answer. */
  then?: (answer: Answer, actor: Actor, f: Fixtures) => Promise<void> | void;
}
