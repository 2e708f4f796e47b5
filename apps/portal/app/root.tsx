import type {
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { NavBar } from "./components/nav-bar.js";
import { countUnreadNotifications, currentMembership } from "@tandem/db";
import { getUser } from "./lib/auth.server.js";
import { getDb } from "./lib/db.server.js";
import { useFocusOnRefusedField } from "./lib/focus-refused-field.js";
import styles from "./styles.css?url";

// Inline, so browsers do not ask for /favicon.ico (a 404 on every visit).
const ICON =
  "data:image/svg+xml," +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">' +
      '<circle cx="5" cy="8" r="4" fill="#1f5fbf"/>' +
      '<circle cx="11" cy="8" r="4" fill="#1e6b3a"/></svg>',
  );

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: ICON },
];

// Pages set their own; this names the error page.
export const meta: MetaFunction = () => [{ title: "Tandem" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (!user) return { user: null };
  const membership = currentMembership(user);
  const unread = membership
    ? await countUnreadNotifications(await getDb(), {
        programId: membership.programId,
        userId: user.user.id,
      })
    : 0;
  return {
    user: {
      name: user.user.name,
      role: membership?.role ?? null,
      programId: membership?.programId ?? null,
      programs: user.memberships.map((m) => ({
        id: m.programId,
        name: m.programName,
      })),
      programName: membership?.programName ?? null,
      partnerName: membership?.partnerName ?? null,
      isOwnerSide: membership?.role.startsWith("owner_") ?? false,
      partnerId: membership?.partnerId ?? null,
      unread,
    },
  };
}

export function Layout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  const { user } = useLoaderData<typeof loader>();
  useFocusOnRefusedField();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <NavBar user={user} />
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  // The bar shows when the root loader ran (a page's own 403 or 404);
  // for an address no route matches, Remix runs no loader.
  const root = useRouteLoaderData<typeof loader>("root");
  let title = "Sorry";
  let message = "Something went wrong on our side. It has been logged.";
  if (isRouteErrorResponse(error)) {
    const said = typeof error.data === "string" ? error.data : "";
    if (error.status === 404 && (!said || said.startsWith("Error:"))) {
      title = "Page not found";
      message = "There is no page at this address.";
    } else {
      message = `${error.status}: ${said || error.statusText}`;
    }
  }
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <NavBar user={root?.user ?? null} />
      <main id="main" tabIndex={-1}>
        <h1>{title}</h1>
        <p role="alert">{message}</p>
        <p>
          <a href="/">Back to the start</a>
        </p>
      </main>
    </>
  );
}
