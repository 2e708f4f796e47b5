import Bowser from "bowser";

/**
 * A browser as a person would name it, from its User-Agent: "Chrome 131
 * on Linux", "Safari 17 on iOS", or null when the header says nothing
 * useful. Major versions only; the raw header is not kept anywhere.
 */
export function browserName(userAgent: string | null): string | null {
  if (!userAgent?.trim()) return null;
  const { browser, os } = Bowser.parse(userAgent.slice(0, 512));
  if (!browser.name) return null;
  const major = browser.version?.split(".")[0];
  const name = major ? `${browser.name} ${major}` : browser.name;
  return os.name ? `${name} on ${os.name}` : name;
}
