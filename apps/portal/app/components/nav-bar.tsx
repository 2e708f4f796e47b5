import type { ReactNode } from "react";
import { Form, Link, NavLink, useLocation } from "@remix-run/react";

interface NavUser {
  name: string;
  programName: string | null;
  partnerName: string | null;
  isOwnerSide: boolean;
  partnerId: number | null;
  role: string | null;
  programId: number | null;
  programs: { id: number; name: string }[];
  /** Unread notifications in the current program. */
  unread: number;
}

export function NavBar({ user }: { user: NavUser | null }) {
  return (
    <header className="top">
      <a className="brand" href="/">
        Tandem
      </a>
      {user ? (
        <>
          {/* Someone in no program (removed from their last) has no pages. */}
          {user.programId === null ? null : (
            <nav aria-label="Main">
              <SectionLink to="/leads" covers={/^\/leads(\/\d+(\/.*)?)?$/}>
                Leads
              </SectionLink>
              {user.isOwnerSide ? (
                <>
                  <NavLink to="/leads/inbox">To decide</NavLink>
                  <NavLink to="/overview">Overview</NavLink>
                  <NavLink to="/partners">Partners</NavLink>
                  <NavLink to="/records">Record</NavLink>
                  <SectionLink to="/imports/leads" covers={/^\/imports(\/|$)/}>
                    Import
                  </SectionLink>
                  <NavLink to="/embed-keys">Embed keys</NavLink>
                  <NavLink to="/settings">Settings</NavLink>
                  {user.role === "owner_admin" ? (
                    <>
                      <NavLink to="/people">People</NavLink>
                      <NavLink to="/audit">Audit log</NavLink>
                      <NavLink to="/outbox">Outbox</NavLink>
                    </>
                  ) : null}
                </>
              ) : (
                <>
                  <NavLink to="/leads/new">Register a lead</NavLink>
                  <NavLink to={`/partners/${user.partnerId}/scorecard`}>
                    Scorecard
                  </NavLink>
                  {user.role === "partner_admin" ? (
                    <NavLink to="/people">People</NavLink>
                  ) : null}
                </>
              )}
              <NavLink to="/notifications">
                Notifications
                {user.unread > 0 ? ` (${user.unread} unread)` : ""}
              </NavLink>
            </nav>
          )}
          <div className="who">
            <span>
              <NavLink to="/account" aria-label={`Your account: ${user.name}`}>
                {user.name}
              </NavLink>
              {user.partnerName ? ` · ${user.partnerName}` : ""}
              {user.programName ? ` · ${user.programName}` : ""}
            </span>
            {user.programs.length > 1 ? (
              <ProgramSwitcher
                programs={user.programs}
                current={user.programId}
              />
            ) : null}
            <Form method="post" action="/logout">
              <button type="submit">Sign out</button>
            </Form>
          </div>
        </>
      ) : null}
    </header>
  );
}

/**
 * A link marked as the current page on the paths it covers: "Leads"
 * covers the list and a lead's own pages but not "To decide" or
 * "Register a lead", which have their own links (NavLink's prefix match
 * marked both at once).
 */
function SectionLink({
  to,
  covers,
  children,
}: {
  to: string;
  covers: RegExp;
  children: ReactNode;
}) {
  const current = covers.test(useLocation().pathname);
  return (
    <Link
      to={to}
      className={current ? "active" : undefined}
      aria-current={current ? "page" : undefined}
    >
      {children}
    </Link>
  );
}

/** A plain form, so switching works without JavaScript. */
function ProgramSwitcher({
  programs,
  current,
}: {
  programs: { id: number; name: string }[];
  current: number | null;
}) {
  return (
    <Form method="post" action="/switch-program" className="inline">
      <label>
        Program{" "}
        <select name="programId" defaultValue={current ?? undefined}>
          {programs.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>{" "}
      <button type="submit">Switch</button>
    </Form>
  );
}
