import { useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";

/**
 * When a form sent by script comes back refused, moves the focus to the
 * first field marked invalid: the page does not reload, so without this
 * a keyboard or screen reader user stays on the button with no word of
 * what went wrong. A success redirects (submitting, then loading), and
 * leaves the focus alone.
 */
export function useFocusOnRefusedField(): void {
  const { state } = useNavigation();
  const previous = useRef(state);
  useEffect(() => {
    const refused = previous.current === "submitting" && state === "idle";
    previous.current = state;
    if (!refused) return;
    document.querySelector<HTMLElement>('main [aria-invalid="true"]')?.focus();
  }, [state]);
}
