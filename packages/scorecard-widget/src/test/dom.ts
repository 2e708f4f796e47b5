import type { PartnerScorecard } from "../partner-scorecard.js";

type ScorecardEvent = "tandem-load" | "tandem-update" | "tandem-error";

export function mount(attributes: Record<string, string>): PartnerScorecard {
  const element = document.createElement("partner-scorecard");
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, value);
  }
  document.body.append(element);
  return element;
}

export function nextEvent<T extends ScorecardEvent>(
  element: PartnerScorecard,
  type: T,
): Promise<HTMLElementEventMap[T]> {
  return new Promise((resolve) => {
    element.addEventListener(type, resolve, { once: true });
  });
}

/** The one element with this part, failing the test when it is absent. */
export function part(root: ParentNode, name: string): HTMLElement {
  const found = query(root).querySelector<HTMLElement>(`[part~="${name}"]`);
  if (!found) throw new Error(`No element with part "${name}"`);
  return found;
}

export function hasPart(root: ParentNode, name: string): boolean {
  return query(root).querySelector(`[part~="${name}"]`) !== null;
}

export function metric(element: PartnerScorecard, id: string): HTMLElement {
  const found = query(element).querySelector<HTMLElement>(
    `[data-metric="${id}"]`,
  );
  if (!found) throw new Error(`No metric "${id}"`);
  return found;
}

export function text(element: Element): string {
  return (element.textContent ?? "").replace(/\s+/g, " ").trim();
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
}

/** Promise.withResolvers arrived in Node 22; these machines run 20. */
export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}

/** Lets every pending promise callback and timer of zero delay run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function query(root: ParentNode): ParentNode {
  if (root instanceof Element && root.shadowRoot) return root.shadowRoot;
  return root;
}
