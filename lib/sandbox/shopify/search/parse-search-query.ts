// Shopify's search syntax (shopify.dev/docs/api/usage/search-syntax), the part the sandbox needs:
// terms joined by whitespace (AND) or the connectives AND / OR, NOT or a leading `-`, parentheses,
// `field:value` with the comparators `:<`, `:>`, `:<=`, `:>=`, quoted values and a trailing `*`
// for prefix matches. AND binds tighter than OR.
export type Comparator = "=" | "<" | ">" | "<=" | ">=";

export type SearchNode =
  | { kind: "and"; items: SearchNode[] }
  | { kind: "or"; items: SearchNode[] }
  | { kind: "not"; item: SearchNode }
  | { kind: "term"; field: string | null; comparator: Comparator; value: string; prefix: boolean };

type Token =
  | { type: "(" }
  | { type: ")" }
  | { type: "word"; text: string; quoted: boolean; negated: boolean; field: string | null; comparator: Comparator };

export function parseSearchQuery(query: string): SearchNode | null {
  const tokens = tokenize(query);
  let position = 0;
  const peek = () => tokens[position];
  const isKeyword = (token: Token | undefined, word: string) =>
    token?.type === "word" && !token.quoted && !token.field && !token.negated && token.text === word;

  const parseOr = (): SearchNode | null => {
    const items = [parseAnd()];
    while (isKeyword(peek(), "OR")) {
      position += 1;
      items.push(parseAnd());
    }
    return combine("or", items);
  };
  const parseAnd = (): SearchNode | null => {
    const items: (SearchNode | null)[] = [];
    for (let token = peek(); token && token.type !== ")" && !isKeyword(token, "OR"); token = peek()) {
      if (isKeyword(token, "AND")) {
        position += 1;
        continue;
      }
      items.push(parseUnary());
    }
    return combine("and", items);
  };
  const parseUnary = (): SearchNode | null => {
    const token = tokens[position++];
    if (!token) return null;
    if (isKeyword(token, "NOT")) {
      const item = parseUnary();
      return item && { kind: "not", item };
    }
    if (token.type === "(") {
      const inner = parseOr();
      if (peek()?.type === ")") position += 1;
      return inner;
    }
    if (token.type === ")") return null;
    const prefix = !token.quoted && token.text.endsWith("*");
    const term: SearchNode = {
      kind: "term",
      field: token.field,
      comparator: token.comparator,
      value: prefix ? token.text.slice(0, -1) : token.text,
      prefix,
    };
    return token.negated ? { kind: "not", item: term } : term;
  };

  // A stray `)` ends nothing; what follows it still counts.
  const parts: (SearchNode | null)[] = [];
  while (position < tokens.length) {
    parts.push(parseOr());
    if (peek()?.type === ")") position += 1;
  }
  return combine("and", parts);
}

function combine(kind: "and" | "or", items: (SearchNode | null)[]): SearchNode | null {
  const present = items.filter((item): item is SearchNode => item !== null);
  if (present.length <= 1) return present[0] ?? null;
  return { kind, items: present };
}

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const stop = (c: string | undefined) => c === undefined || /\s/.test(c) || c === "(" || c === ")";
  const readValue = (): { text: string; quoted: boolean } => {
    const quote = query[i];
    if (quote === "'" || quote === '"') {
      const end = query.indexOf(quote, i + 1);
      const text = query.slice(i + 1, end === -1 ? undefined : end);
      i = end === -1 ? query.length : end + 1;
      return { text, quoted: true };
    }
    const start = i;
    while (!stop(query[i])) i += 1;
    return { text: query.slice(start, i).replace(/\\(.)/g, "$1"), quoted: false };
  };
  while (i < query.length) {
    const c = query[i]!;
    if (/\s/.test(c)) i += 1;
    else if (c === "(" || c === ")") {
      tokens.push({ type: c });
      i += 1;
    } else {
      const negated = c === "-" && !stop(query[i + 1]);
      if (negated) i += 1;
      const fieldMatch = /^([A-Za-z_][\w.]*):(<=|>=|<|>)?/.exec(query.slice(i));
      let field: string | null = null;
      let comparator: Comparator = "=";
      if (fieldMatch) {
        field = fieldMatch[1]!.toLowerCase();
        comparator = (fieldMatch[2] as Comparator | undefined) ?? "=";
        i += fieldMatch[0].length;
      }
      tokens.push({ type: "word", ...readValue(), negated, field, comparator });
    }
  }
  return tokens;
}
