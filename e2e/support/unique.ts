let counter = 0;

/**
 * A name no earlier run has used, so the tests also pass against a
 * portal that was reused with the data of an earlier run.
 */
export function unique(name: string): string {
  counter += 1;
  return `${name} ${Date.now().toString(36)}${counter}`;
}
