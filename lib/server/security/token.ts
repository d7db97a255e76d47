import { randomBytes, timingSafeEqual, createHash } from "node:crypto";

/** A fresh session token: 256 random bits, hex. */
export function newToken(): string {
  return randomBytes(32).toString("hex");
}

/** Constant-time comparison; hashing first makes the lengths equal, so length leaks nothing either. */
export function tokensMatch(given: string | null | undefined, expected: string): boolean {
  if (typeof given !== "string") return false;
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}
