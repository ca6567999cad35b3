// Invitation links are single-use secrets (docs/threat-model.md, T2): 32 random bytes, shown once
// to the admin who invites and mailed to the invitee; only their SHA-256 is stored, so the link is
// in no database row, listing or log.
import { createHash, randomBytes } from "node:crypto";
import { appUrl } from "@/lib/runtime/app-url";

export const invitationLink = (token: string) => `${appUrl()}/invitations/${token}`;

export const hashInvitationToken = (token: string) => createHash("sha256").update(token).digest("hex");

export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}
