import { redirect } from "@remix-run/node";
import {
  currentMembership,
  getProgram,
  getSessionUser,
  type Membership,
  type Program,
  type SessionUser,
} from "@tandem/db";
import { getDb } from "./db.server.js";
import { sessionCookie } from "./session.server.js";

export interface Member {
  sessionId: string;
  user: SessionUser["user"];
  membership: Membership;
  program: Program;
  /** Set for partner roles: everything they see is narrowed to it. */
  partnerId: number | null;
  isOwnerSide: boolean;
}

async function sessionIdFrom(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(
    request.headers.get("Cookie"),
  );
  return typeof value === "string" ? value : null;
}

/** The signed-in user, or null (a revoked or expired session is null). */
export async function getUser(request: Request): Promise<SessionUser | null> {
  const sessionId = await sessionIdFrom(request);
  if (!sessionId) return null;
  return getSessionUser(await getDb(), { sessionId });
}

function signInRedirect(request: Request): Response {
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  return redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
}

/**
 * The user and their membership of the program they work in (the one
 * chosen for this session, when they are still a member of it, else
 * their first), or a redirect to the sign-in page.
 */
export async function requireMember(request: Request): Promise<Member> {
  const sessionUser = await getUser(request);
  if (!sessionUser) throw signInRedirect(request);
  const membership = currentMembership(sessionUser);
  if (!membership) {
    throw new Response("You are not a member of any partner program.", {
      status: 403,
    });
  }
  const program = await getProgram(await getDb(), membership.programId);
  if (!program) throw new Response("Program not found", { status: 404 });
  const isOwnerSide = membership.role.startsWith("owner_");
  return {
    sessionId: sessionUser.sessionId,
    user: sessionUser.user,
    membership,
    program,
    partnerId: isOwnerSide ? null : membership.partnerId,
    isOwnerSide,
  };
}

export function forbidden(message = "You may not do this."): Response {
  return new Response(message, { status: 403 });
}

export function notFound(message = "Not found."): Response {
  return new Response(message, { status: 404 });
}

/** Owner admins and owner staff. */
export async function requireOwnerStaff(request: Request): Promise<Member> {
  const member = await requireMember(request);
  if (!member.isOwnerSide)
    throw forbidden("Only the program's staff may do this.");
  return member;
}

export async function requireOwnerAdmin(request: Request): Promise<Member> {
  const member = await requireMember(request);
  if (member.membership.role !== "owner_admin") {
    throw forbidden("Only the program's admins may do this.");
  }
  return member;
}

/**
 * Owner admins, and partner admins for their own partner's people:
 * who may invite and manage people.
 */
export async function requirePeopleAdmin(request: Request): Promise<Member> {
  const member = await requireMember(request);
  const role = member.membership.role;
  if (role !== "owner_admin" && role !== "partner_admin") {
    throw forbidden("Only admins may manage people.");
  }
  return member;
}

/** Partner users and partner admins. */
export async function requirePartnerMember(
  request: Request,
): Promise<Member & { partnerId: number }> {
  const member = await requireMember(request);
  if (member.partnerId === null) {
    throw forbidden("Only a partner's people may do this.");
  }
  return { ...member, partnerId: member.partnerId };
}

/**
 * May this member see this partner's data? Owner staff see every
 * partner of their program; partner people only their own.
 */
export function canSeePartner(member: Member, partnerId: number): boolean {
  return member.partnerId === null || member.partnerId === partnerId;
}
