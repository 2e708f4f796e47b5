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

  // A second browser; changing the password on the first signs it out.
  const laptop = await openPage();
  await laptop.goto("/login");
  await textbox(laptop, "Email").fill(email);
  await laptop.getByLabel("Password").fill(password);
  await laptop.getByRole("button", { name: "Sign in" }).click();
  await expect(laptop.getByRole("button", { name: "Sign out" })).toBeVisible();

  const newPassword = "kestrel flies higher";
  await invitee.getByRole("link", { name: /^Your account/ }).click();
  await expect(
    invitee.getByRole("button", { name: "Sign out of 1 other browser" }),
  ).toBeVisible();
  await invitee.getByLabel("Current password").fill(password);
  await invitee.getByLabel(/^New password/).fill(newPassword);
  await invitee.getByLabel("The new password again").fill(newPassword);
  await invitee.getByRole("button", { name: "Change password" }).click();
  await expect(invitee.getByRole("status")).toHaveText(/password is changed/);
  await expect(
    invitee.getByText("You are signed in on this browser only."),
  ).toBeVisible();
  await laptop.reload();
  await expect(laptop).toHaveURL(/\/login/);
  await textbox(laptop, "Email").fill(email);
  await laptop.getByLabel("Password").fill(newPassword);
  await laptop.getByRole("button", { name: "Sign in" }).click();
  await expect(laptop.getByRole("button", { name: "Sign out" })).toBeVisible();

  // The link worked once.
  await invitee.goto(link!);
  await expect(invitee.getByRole("alert")).toHaveText(/accepted already/);

  // Removed from the program, Kim is refused, with no pages offered.
  await owner.goto("/people");
  await owner.getByRole("button", { name: "Remove Kim Kestrel" }).click();
  await expect(
    owner.getByRole("button", { name: "Remove Kim Kestrel" }),
  ).toHaveCount(0);
  const answer = await invitee.goto("/leads");
  expect(answer?.status()).toBe(403);
  await expect(invitee.getByRole("navigation", { name: "Main" })).toHaveCount(
    0,
  );
  await expect(invitee.getByRole("button", { name: "Sign out" })).toBeVisible();
});

test("a forgotten password is reset by mail, without JavaScript", async ({
  openPage,
}) => {
  const email = "admin@bluefin-consulting.demo.tandem.test";
  const password = unique("bluefin new password");

  const person = await openPage({ javaScriptEnabled: false });
  await person.goto("/login");
  await person.getByRole("link", { name: "Forgot your password?" }).click();
  await textbox(person, "Email").fill(email);
  await person.getByRole("button", { name: "Send me a link" }).click();
  await expect(person.getByRole("status")).toHaveText(/If an account has/);

  const owner = await openPage({ as: "owner" });
  await owner.goto("/outbox");
  const mail = owner
    .getByRole("article")
    .filter({ hasText: `To ${email}` })
    .first();
  const link = await mail
    .getByRole("link", { name: /\/password\/reset\?token=/ })
    .getAttribute("href");

  await person.goto(link!);
  await person.getByLabel(/^New password/).fill(password);
  await person.getByLabel(/^The password again/).fill(password);
  await person.getByRole("button", { name: "Set password" }).click();
  await expect(person.getByRole("status")).toHaveText(/password is changed/);
  await textbox(person, "Email").fill(email);
  await person.getByLabel("Password").fill(password);
  await person.getByRole("button", { name: "Sign in" }).click();
  await expect(person.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(
    person
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "People" }),
  ).toBeVisible();

  await person.goto(link!);
  await expect(person.getByRole("alert")).toHaveText(/has been used/);
});

test("people, the audit log and the outbox fit a phone", async ({
  openPage,
}) => {
  const owner = await openPage({
    as: "owner",
    viewport: { width: 375, height: 740 },
  });
  for (const path of ["/people", "/audit", "/outbox"]) {
    await owner.goto(path);
    const overflow = await owner.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
