// XML-RPC as Python's xmlrpc.client reads and writes it: methodCall parsing (string, int/i4/i8,
// boolean, double, dateTime.iso8601, base64, nil, array, struct; untyped values are strings) and
// methodResponse / fault writing. Odoo marshals with allow_none=False: None cannot be answered.
import { typeError } from "../odoo-exceptions";

type Token = { kind: "open" | "close" | "empty"; name: string } | { kind: "text"; text: string };

function tokenize(xml: string): Token[] {
  const tokens: Token[] = [];
  const re = /<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<(\/?)([A-Za-z0-9_.:-]+)[^>]*?(\/?)>|([^<]+)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[1] !== undefined) tokens.push({ kind: "text", text: m[1] });
    else if (m[3] !== undefined) tokens.push({ kind: m[2] ? "close" : m[4] ? "empty" : "open", name: m[3] });
    else if (m[5] !== undefined) tokens.push({ kind: "text", text: decode(m[5]) });
  }
  return tokens;
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) =>
    e[0] === "#"
      ? String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : (ENTITIES[e] ?? all),
  );

class Reader {
  i = 0;
  constructor(readonly tokens: Token[]) {}
  skipSpace() {
    while (this.tokens[this.i]?.kind === "text" && !(this.tokens[this.i] as { text: string }).text.trim()) this.i++;
  }
  expectOpen(name: string): boolean {
    this.skipSpace();
    const t = this.tokens[this.i];
    if (t && t.kind === "empty" && t.name === name) {
      this.i++;
      return false;
    }
    if (!t || t.kind !== "open" || t.name !== name) throw new Error(`expected <${name}>`);
    this.i++;
    return true;
  }
  expectClose(name: string) {
    this.skipSpace();
    const t = this.tokens[this.i];
    if (!t || t.kind !== "close" || t.name !== name) throw new Error(`expected </${name}>`);
    this.i++;
  }
  peek(): Token | undefined {
    this.skipSpace();
    return this.tokens[this.i];
  }
  text(): string {
    let out = "";
    while (this.tokens[this.i]?.kind === "text") out += (this.tokens[this.i++] as { text: string }).text;
    return out;
  }
}

function readValue(r: Reader): unknown {
  if (!r.expectOpen("value")) return "";
  const t = r.tokens[r.i];
  if (!t || t.kind === "text" || t.kind === "close") {
    const s = r.text();
    r.expectClose("value");
    return s;
  }
  const type = t.name;
  let value: unknown;
  if (t.kind === "empty") {
    r.i++;
    value = type === "nil" ? null : type === "array" ? [] : type === "struct" ? {} : type === "string" ? "" : null;
  } else {
    r.i++;
    switch (type) {
      case "string":
      case "dateTime.iso8601":
        value = r.text();
        break;
      case "int":
      case "i4":
      case "i8":
      case "i1":
      case "i2":
        value = parseInt(r.text().trim(), 10);
        break;
      case "boolean":
        value = r.text().trim() === "1";
        break;
      case "double":
        value = Number(r.text().trim());
        break;
      case "base64":
        value = r.text().trim();
        break;
      case "nil":
        value = null;
        break;
      case "array": {
        const list: unknown[] = [];
        if (r.expectOpen("data")) {
          while (r.peek()?.kind !== "close") list.push(readValue(r));
          r.expectClose("data");
        }
        value = list;
        break;
      }
      case "struct": {
        const obj: Record<string, unknown> = {};
        while (r.peek()?.kind === "open") {
          r.expectOpen("member");
          r.expectOpen("name");
          const name = r.text();
          r.expectClose("name");
          obj[name] = readValue(r);
          r.expectClose("member");
        }
        value = obj;
        break;
      }
      default:
        throw new Error(`unknown type <${type}>`);
    }
    r.expectClose(type);
  }
  r.expectClose("value");
  return value;
}

export function parseMethodCall(xml: string): { method: string; params: unknown[] } {
  const r = new Reader(tokenize(xml));
  r.expectOpen("methodCall");
  r.expectOpen("methodName");
  const method = r.text().trim();
  r.expectClose("methodName");
  const params: unknown[] = [];
  if (r.peek()?.kind !== "close") {
    if (r.expectOpen("params")) {
      while (r.peek()?.kind === "open") {
        r.expectOpen("param");
        params.push(readValue(r));
        r.expectClose("param");
      }
      r.expectClose("params");
    }
  }
  r.expectClose("methodCall");
  return { method, params };
}

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function writeValue(value: unknown): string {
  if (value === null || value === undefined) throw typeError("cannot marshal None unless allow_none is enabled");
  if (typeof value === "boolean") return `<value><boolean>${value ? 1 : 0}</boolean></value>`;
  if (typeof value === "number") {
    if (Number.isInteger(value)) {
      if (Math.abs(value) > 2 ** 31 - 1) throw new Error("int exceeds XML-RPC limits");
      return `<value><int>${value}</int></value>`;
    }
    return `<value><double>${value}</double></value>`;
  }
  if (typeof value === "string") return `<value><string>${escape(value)}</string></value>`;
  if (Array.isArray(value)) return `<value><array><data>\n${value.map(writeValue).join("\n")}\n</data></array></value>`;
  return `<value><struct>\n${Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `<member>\n<name>${escape(k)}</name>\n${writeValue(v)}\n</member>`)
    .join("\n")}\n</struct></value>`;
}

export const methodResponse = (value: unknown) =>
  `<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n${writeValue(value)}\n</param>\n</params>\n</methodResponse>\n`;

export const faultResponse = (code: number, message: string) =>
  `<?xml version='1.0'?>\n<methodResponse>\n<fault>\n${writeValue({ faultCode: code, faultString: message })}\n</fault>\n</methodResponse>\n`;
