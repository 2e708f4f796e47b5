// Signing in and posting forms to the portal over HTTP, as a browser's
// form would, keeping the session cookie.
const PASSWORD = "tandem-demo";

export async function signIn(origin, email) {
  const answer = await fetch(`${origin}/login`, {
    method: "POST",
    body: new URLSearchParams({ email, password: PASSWORD }),
    redirect: "manual",
  });
  if (answer.status !== 302) throw new Error(`sign-in as ${email} failed`);
  const cookie = answer.headers.get("set-cookie").split(";")[0];
  return {
    get: (path) =>
      fetch(`${origin}${path}`, { headers: { Cookie: cookie } }).then((r) =>
        r.text(),
      ),
    post: async (path, form) => {
      const r = await fetch(`${origin}${path}`, {
        method: "POST",
        headers: { Cookie: cookie },
        body: new URLSearchParams(form),
        redirect: "manual",
      });
      if (r.status !== 302) throw new Error(`POST ${path}: ${r.status}`);
      return r;
    },
  };
}

/** Owner staff make a partner key for Bluefin; resolves to it. */
export async function createKey(origin, allowedOrigin) {
  const staff = await signIn(origin, "staff@demo.tandem.test");
  const page = await staff.get("/embed-keys");
  const partnerId = /<option value="(\d+)">Bluefin Consulting</.exec(page)[1];
  await staff.post("/embed-keys", {
    intent: "create",
    label: `bench ${Date.now()}`,
    scope: "partner",
    partnerId,
    origins: allowedOrigin,
  });
  const listed = await staff.get("/embed-keys");
  return { key: /pk_[0-9a-f]{32}/.exec(listed)[0], partnerId };
}
