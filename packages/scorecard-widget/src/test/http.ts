import { vi } from "vitest";
import type { Mock } from "vitest";

export type FetchMock = Mock<typeof fetch>;

/** Replaces the global fetch; vi.unstubAllGlobals() puts it back. */
export function stubFetch(): FetchMock {
  const mock = vi.fn<typeof fetch>();
  vi.stubGlobal("fetch", mock);
  return mock;
}

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json" },
  });
}

export function requestedUrl(mock: FetchMock, call: number): URL {
  const input = mock.mock.calls[call]?.[0];
  if (input === undefined) throw new Error(`No fetch call ${call}`);
  return new URL(input instanceof Request ? input.url : String(input));
}

export function requestInit(mock: FetchMock, call: number): RequestInit {
  const init = mock.mock.calls[call]?.[1];
  if (init === undefined) throw new Error(`No init on fetch call ${call}`);
  return init;
}
