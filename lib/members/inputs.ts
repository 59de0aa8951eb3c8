import { z } from "zod";
import { Email } from "@/lib/users/inputs";

export const MemberRoleInput = z.enum(
  ["owner", "developer", "viewer"],
  "role must be one of: owner, developer, viewer",
);

export const AddMemberInput = z.object({ email: Email, role: MemberRoleInput });
export type AddMemberInput = z.input<typeof AddMemberInput>;

export const RemoveMemberInput = z.object({ email: Email });
export type RemoveMemberInput = z.input<typeof RemoveMemberInput>;

export const MemberResponse = z.object({
  email: z.string(),
  name: z.string().nullable(),
  role: MemberRoleInput,
  addedAt: z.string(),
});
export type MemberResponse = z.output<typeof MemberResponse>;
