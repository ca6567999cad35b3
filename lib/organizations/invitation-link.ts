import { appUrl } from "@/lib/runtime/app-url";

export const invitationLink = (invitationId: string) => `${appUrl()}/invitations/${invitationId}`;
