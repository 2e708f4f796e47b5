import { Form } from "@remix-run/react";
import { roleName, type Role } from "@tandem/db/values";

interface Person {
  membershipId: number;
  userId: number;
  name: string;
  email: string;
  role: Role;
  roleName: string;
  partnerName: string | null;
}

/** Each person with forms to change their role or remove them. */
export function PeopleTable({
  people,
  me,
  roles,
}: {
  people: Person[];
  me: number;
  roles: readonly Role[];
}) {
  return (
    <>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>Name</th>
              <th>Email</th>
              <th>Partner</th>
              <th>Role</th>
              <th>Change</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.membershipId}>
                <td>{p.name}</td>
                <td>{p.email}</td>
                <td>{p.partnerName ?? "(owner)"}</td>
                <td>{p.roleName}</td>
                <td>
                  {p.userId === me ? (
                    "You"
                  ) : (
                    <div className="inline">
                      <Form method="post" className="inline">
                        <input type="hidden" name="intent" value="role" />
                        <input
                          type="hidden"
                          name="membershipId"
                          value={p.membershipId}
                        />
                        <label>
                          Role of {p.name}
                          <select name="role" defaultValue={p.role}>
                            {roles
                              .filter(
                                (r) =>
                                  r.startsWith("owner_") ===
                                  p.role.startsWith("owner_"),
                              )
                              .map((r) => (
                                <option key={r} value={r}>
                                  {roleName(r)}
                                </option>
                              ))}
                          </select>
                        </label>
                        <button type="submit">Change role</button>
                      </Form>
                      <Form method="post">
                        <input type="hidden" name="intent" value="remove" />
                        <input
                          type="hidden"
                          name="membershipId"
                          value={p.membershipId}
                        />
                        <button type="submit">Remove {p.name}</button>
                      </Form>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

interface Invitation {
  id: number;
  email: string;
  roleName: string;
  partnerName: string | null;
  state: string;
  expiresOn: string;
}

/** Invitations with their state; open ones can be withdrawn. */
export function InvitationList({ invitations }: { invitations: Invitation[] }) {
  return (
    <>
      {invitations.length === 0 ? <p>No invitations yet.</p> : null}
      <ul>
        {invitations.map((i) => (
          <li key={i.id}>
            {i.email}, {i.roleName}
            {i.partnerName ? ` of ${i.partnerName}` : ""}: {i.state}
            {i.state === "open" ? ` until ${i.expiresOn}` : ""}
            {i.state === "open" ? (
              <Form method="post" className="inline">
                <input type="hidden" name="intent" value="revoke" />
                <input type="hidden" name="invitationId" value={i.id} />
                <button type="submit">Withdraw invitation to {i.email}</button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
