import { expect, test } from "../support/fixtures.js";
import { textbox } from "../support/forms.js";
import { newLead, registerLead } from "../support/leads.js";
import { unique } from "../support/unique.js";

test("an invited partner company joins and registers its first lead", async ({
  openPage,
}) => {
  const company = unique("Kestrel Partners");
  const email = `${company.replaceAll(" ", "-").toLowerCase()}@kestrel.test`;
  const password = "kestrel flies high";

  const owner = await openPage({ as: "owner" });
  await owner
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "People" })
    .click();
  await textbox(owner, "Company").fill(company);
  await textbox(owner, "Email of its first admin").fill(email);
  await owner.getByRole("button", { name: "Add partner and invite" }).click();
  await expect(owner.getByRole("status")).toHaveText(/Invitation sent/);
  await expect(
    owner.getByText(`${email}, partner admin of ${company}: open`),
  ).toBeVisible();

  // Without SMTP, the outbox is where the mail can be read.
  await owner.goto("/outbox");
  const mail = owner.getByRole("article").filter({ hasText: `To ${email}` });
  await expect(mail.getByRole("heading")).toHaveText(/^You are invited to/);
  const link = await mail
    .getByRole("link", { name: /\/invitations\/accept\?token=/ })
    .getAttribute("href");

  const invitee = await openPage();
  await invitee.goto(link!);
  await expect(
    invitee.getByRole("heading", { level: 1, name: /^Join / }),
  ).toBeVisible();
  await expect(
    invitee.getByText(`for ${company} as partner admin`),
  ).toBeVisible();
  await textbox(invitee, "Your name").fill("Kim Kestrel");
  await invitee.getByLabel(/^Choose a password/).fill(password);
  await invitee.getByLabel(/^The password again/).fill(password);
  await invitee
    .getByRole("button", { name: "Create my account and join" })
    .click();
  await expect(invitee.getByRole("button", { name: "Sign out" })).toBeVisible();

  // Signs out and back in with the password just chosen.
  await invitee.getByRole("button", { name: "Sign out" }).click();
  await textbox(invitee, "Email").fill(email);
  await invitee.getByLabel("Password").fill(password);
  await invitee.getByRole("button", { name: "Sign in" }).click();
  await expect(invitee.getByText(`Kim Kestrel · ${company}`)).toBeVisible();

  await registerLead(invitee, newLead("Osprey Logistics"));

  // The link worked once.
  await invitee.goto(link!);
  await expect(invitee.getByRole("alert")).toHaveText(/accepted already/);
});
