import { embedErrorSchema } from "@tandem/embed-contract";
import { describeError, logger } from "../logger.server.js";
import { checkEmbedAccess, type EmbedGrant } from "../embed-access.server.js";
import {
  embedError,
  embedHeaders,
  type EmbedErrorCode,
} from "../embed-http.server.js";
import { cachedCard } from "./card-cache.server.js";
import { watchKey } from "./key-watch.server.js";
import { liveHub } from "./live.server.js";
import type { ScorecardHub } from "./scorecard-hub.server.js";
import { EventStream, eventStreamHeaders } from "./sse.server.js";
import { parseSubs, type StreamSub } from "./stream-subs.server.js";

interface Refused {
  sub: StreamSub;
  code: EmbedErrorCode;
  message: string;
}

/**
 * GET /embed/v1/stream?keys=pk_…,pk_…:month — server-sent events: a
 * `scorecard` event ({ sub, scorecard }) per key on connect and after
 * each change of its figures; `key-error` ({ sub, code, message }) for
 * a key refused now or revoked later. The stream ends when no key is
 * left. Keys and origins are checked as for the JSON endpoint.
 */
export async function embedStream(request: Request): Promise<Response> {
  const parsed = parseSubs(new URL(request.url));
  if (!parsed.ok) return embedError(400, "bad_request", parsed.message, null);

  const grants = new Map<string, EmbedGrant>();
  const refused: Refused[] = [];
  let firstRefusal: Response | undefined;
  for (const key of new Set(parsed.subs.map((s) => s.key))) {
    const access = await checkEmbedAccess(request, key);
    if (access.ok) grants.set(key, access.grant);
    else {
      firstRefusal ??= access.response;
      // Read a copy: the first refusal may yet be sent as it is.
      const why = await refusal(access.response.clone());
      for (const sub of parsed.subs.filter((s) => s.key === key)) {
        refused.push({ sub, ...why });
      }
    }
  }
  const origin = [...grants.values()][0]?.origin;
  if (!origin) return firstRefusal!;

  const hub = await liveHub();
  const stream = new EventStream(request.signal);
  for (const r of refused) {
    stream.send("key-error", {
      sub: r.sub.id,
      code: r.code,
      message: r.message,
    });
  }
  const live = parsed.subs.filter((s) => grants.has(s.key));
  const feed = new Feed(stream, hub, live, grants);
  feed.start();
  const headers = eventStreamHeaders(embedHeaders(origin));
  return new Response(stream.body, { status: 200, headers });
}

/**
 * What to tell the page about a refused key. Unknown keys and other
 * origins read alike, so a page cannot probe which keys exist.
 */
async function refusal(
  response: Response,
): Promise<{ code: EmbedErrorCode; message: string }> {
  if (response.status === 404 || response.status === 403) {
    const message = "This key may not be used on this site.";
    return { code: "origin_not_allowed", message };
  }
  return embedErrorSchema.parse(await response.json()).error;
}

/** Sends each sub's card when its figures change; drops revoked keys. */
class Feed {
  private readonly lastEtag = new Map<string, string>();
  private readonly busy = new Map<string, "running" | "again">();
  private readonly cleanups = new Map<string, () => void>();

  constructor(
    private readonly stream: EventStream,
    private readonly hub: ScorecardHub,
    private subs: StreamSub[],
    private readonly grants: Map<string, EmbedGrant>,
  ) {}

  start(): void {
    for (const [key, grant] of this.grants) {
      const mine = () => this.subs.filter((s) => s.key === key);
      const stop = this.hub.subscribe(grant.target, () => {
        for (const sub of mine()) this.refresh(sub);
      });
      const unwatch = watchKey(key, () => this.revoke(key));
      this.cleanups.set(key, () => {
        stop();
        unwatch();
      });
    }
    this.stream.onClose(() => {
      for (const cleanup of this.cleanups.values()) cleanup();
      this.cleanups.clear();
    });
    for (const sub of this.subs) this.refresh(sub);
  }

  /** At most one build per sub at a time; changes meanwhile rerun it. */
  private refresh(sub: StreamSub): void {
    if (this.busy.has(sub.id)) {
      this.busy.set(sub.id, "again");
      return;
    }
    this.busy.set(sub.id, "running");
    void this.send(sub).finally(() => {
      const again = this.busy.get(sub.id) === "again";
      this.busy.delete(sub.id);
      if (again && !this.stream.isClosed) this.refresh(sub);
    });
  }

  private async send(sub: StreamSub): Promise<void> {
    const grant = this.grants.get(sub.key);
    if (!grant || this.stream.isClosed) return;
    const built = await cachedCard(this.hub, grant, sub.kind, sub.at).catch(
      (error: unknown) => {
        const programId = grant.target.programId;
        const err = describeError(error);
        logger.error({ err, programId }, "Could not build a live scorecard");
        const message = "The scorecard is unavailable just now.";
        return { ok: false as const, message };
      },
    );
    if (!built.ok) {
      const data = { sub: sub.id, code: "bad_request", message: built.message };
      this.stream.send("key-error", data);
      return;
    }
    const etag = built.etag;
    if (this.lastEtag.get(sub.id) === etag) return;
    this.lastEtag.set(sub.id, etag);
    this.stream.send("scorecard", { sub: sub.id, scorecard: built.card });
  }

  private revoke(key: string): void {
    const message = "This embed key has been revoked.";
    for (const sub of this.subs.filter((s) => s.key === key)) {
      this.stream.send("key-error", {
        sub: sub.id,
        code: "revoked_key",
        message,
      });
    }
    this.grants.delete(key);
    this.cleanups.get(key)?.();
    this.cleanups.delete(key);
    this.subs = this.subs.filter((s) => s.key !== key);
    if (this.grants.size === 0) this.stream.close();
  }
}
