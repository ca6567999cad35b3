/** "a", "a or b", "a, b or c" — how messages list a vocabulary's values. */
export function listWords(words: readonly string[], last: "and" | "or" = "and"): string {
  return words.length <= 1 ? words.join("") : `${words.slice(0, -1).join(", ")} ${last} ${words.at(-1)}`;
}
