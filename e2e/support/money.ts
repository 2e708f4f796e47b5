/**
 * Reads a US-dollar amount as the portal and the widget show it in en-US
 * ("$1,234.56", "-$20.00") into cents, exactly. Anything else throws, so
 * a change of format fails loudly rather than reading as a wrong number.
 */
export function parseUsdCents(text: string): bigint {
  const match = /^(-)?\$(\d{1,3}(?:,\d{3})*)\.(\d{2})$/.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not a dollar amount`);
  const [, minus, dollars, cents] = match;
  const value = BigInt(`${dollars!.replaceAll(",", "")}${cents}`);
  return minus ? -value : value;
}
