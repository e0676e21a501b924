import type { Role } from "../schemas/account";

/** Each role as the app names it to people (the header's account corner, the users page). */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  admin: "Admin",
  editor: "Editor",
  reviewer: "Reviewer",
  viewer: "Viewer",
};
