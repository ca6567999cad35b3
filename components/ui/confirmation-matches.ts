// The typed confirmation of a destructive action (the shop domain before a clear): spaces around
// it and letter case do not matter — a domain is the same in any case, and the server compares it
// the same way — but nothing less than the whole text counts.
export function confirmationMatches(typed: string, expected: string): boolean {
  const wanted = expected.trim().toLowerCase();
  return wanted !== "" && typed.trim().toLowerCase() === wanted;
}
