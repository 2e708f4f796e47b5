import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";

/**
 * Reloads the page's data whenever the event stream at `url` says it
 * changed. EventSource reconnects by itself after a drop; a reconnect
 * reloads too, since changes may have been missed meanwhile.
 */
export function useLiveReload(url: string): void {
  const { revalidate } = useRevalidator();
  const latest = useRef(revalidate);
  latest.current = revalidate;

  useEffect(() => {
    const source = new EventSource(url);
    let opened = false;
    source.addEventListener("open", () => {
      if (opened) latest.current();
      opened = true;
    });
    source.addEventListener("changed", () => latest.current());
    return () => source.close();
  }, [url]);
}
