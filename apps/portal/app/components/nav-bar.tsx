import { Form, NavLink } from "@remix-run/react";

interface NavUser {
  name: string;
  programName: string | null;
  partnerName: string | null;
  isOwnerSide: boolean;
  partnerId: number | null;
}

export function NavBar({ user }: { user: NavUser | null }) {
  return (
    <header className="top">
      <a className="brand" href="/">
        Tandem
      </a>
      {user ? (
        <>
          <nav aria-label="Main">
            <NavLink to="/leads">Leads</NavLink>
            {user.isOwnerSide ? (
              <>
                <NavLink to="/leads/inbox">To decide</NavLink>
                <NavLink to="/overview">Overview</NavLink>
                <NavLink to="/partners">Partners</NavLink>
                <NavLink to="/records">Record</NavLink>
                <NavLink to="/imports/leads">Import</NavLink>
                <NavLink to="/embed-keys">Embed keys</NavLink>
                <NavLink to="/settings">Settings</NavLink>
              </>
            ) : (
              <>
                <NavLink to="/leads/new">Register a lead</NavLink>
                <NavLink to={`/partners/${user.partnerId}/scorecard`}>
                  Scorecard
                </NavLink>
              </>
            )}
          </nav>
          <div className="who">
            <span>
              {user.name}
              {user.partnerName ? ` · ${user.partnerName}` : ""}
              {user.programName ? ` · ${user.programName}` : ""}
            </span>
            <Form method="post" action="/logout">
              <button type="submit">Sign out</button>
            </Form>
          </div>
        </>
      ) : null}
    </header>
  );
}
