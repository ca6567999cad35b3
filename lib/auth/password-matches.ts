// Whether a password is the signed-in user's own: asked again before a destructive action when the
// session signed in long ago (Clear Synco Data). better-auth checks it against the stored hash.
import "server-only";
import { APIError } from "better-auth/api";
import { auth } from "./auth";

export async function passwordMatches(headers: Headers, password: string): Promise<boolean> {
  try {
    await auth().api.verifyPassword({ body: { password }, headers });
    return true;
  } catch (error) {
    if (error instanceof APIError && error.statusCode === 400) return false;
    throw error;
  }
}
