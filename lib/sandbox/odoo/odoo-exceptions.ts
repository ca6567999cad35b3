// Odoo's exceptions as the sandbox raises them: the Python class name every protocol reports
// (`data.name` in JSON-RPC, `name` in JSON-2), its message and arguments, and how each protocol
// maps it — JSON-2's HTTP status (Json2Dispatcher.handle_error + exception.http_status) and
// XML-RPC's fault code (odoo/addons/base/controllers/rpc.py: 1 application, 2 UserError family,
// 3 AccessDenied, 4 AccessError). API-FACTS.md §1.4, §2.2, §2.3.

export class OdooException extends Error {
  constructor(
    /** Fully qualified Python class, e.g. `odoo.exceptions.ValidationError`. */
    readonly pythonName: string,
    message: string,
    readonly args: unknown[] = [message],
    /** For werkzeug HTTP exceptions: their status code. */
    readonly httpCode?: number,
  ) {
    super(message);
    this.name = "OdooException";
  }

  /** The status JSON-2 answers with. */
  get json2Status(): number {
    if (this.httpCode) return this.httpCode;
    switch (this.pythonName) {
      case "odoo.exceptions.UserError":
      case "odoo.exceptions.ValidationError":
        return 422;
      case "odoo.exceptions.AccessError":
      case "odoo.exceptions.AccessDenied":
        return 403;
      case "odoo.exceptions.MissingError":
        return 404;
      case "odoo.exceptions.LockError":
        return 409;
      default:
        return 500;
    }
  }

  /** XML-RPC faultCode. */
  get faultCode(): number {
    switch (this.pythonName) {
      case "odoo.exceptions.AccessError":
        return 4;
      case "odoo.exceptions.AccessDenied":
        return 3;
      case "odoo.exceptions.UserError":
      case "odoo.exceptions.ValidationError":
      case "odoo.exceptions.MissingError":
      case "odoo.exceptions.RedirectWarning":
        return 2;
      default:
        return 1;
    }
  }

  /** Python's traceback text as Odoo reports it in `debug` (AccessDenied carries none). */
  get debug(): string {
    if (this.pythonName === "odoo.exceptions.AccessDenied") return "";
    return `Traceback (most recent call last):\n  File "sandbox-odoo", line 1, in <module>\n${this.pythonName}: ${this.message}\n`;
  }
}

const make =
  (pythonName: string) =>
  (message: string): OdooException =>
    new OdooException(pythonName, message);

export const userError = make("odoo.exceptions.UserError");
export const validationError = make("odoo.exceptions.ValidationError");
export const accessError = make("odoo.exceptions.AccessError");
export const missingError = make("odoo.exceptions.MissingError");
export const valueError = make("builtins.ValueError");
export const typeError = make("builtins.TypeError");
export const attributeError = make("builtins.AttributeError");
export const keyError = (key: string): OdooException => new OdooException("builtins.KeyError", `'${key}'`, [key]);
export const accessDenied = (message = "Access Denied"): OdooException =>
  new OdooException("odoo.exceptions.AccessDenied", message);

/** werkzeug.exceptions.*: JSON-2 answers with their code and `arguments: [description, code]`. */
export function httpException(code: 400 | 401 | 403 | 404 | 409 | 415 | 422, description: string): OdooException {
  const names: Record<number, string> = {
    400: "BadRequest",
    401: "Unauthorized",
    403: "Forbidden",
    404: "NotFound",
    409: "Conflict",
    415: "UnsupportedMediaType",
    422: "UnprocessableEntity",
  };
  return new OdooException(`werkzeug.exceptions.${names[code]}`, description, [description, code], code);
}

/** The database named in a call does not exist (what psycopg2 raises when Odoo opens its registry). */
export const unknownDatabase = (name: string): OdooException =>
  new OdooException(
    "psycopg2.OperationalError",
    `connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: FATAL:  database "${name}" does not exist\n`,
  );

/** Python's repr of a JSON value, for messages that quote a domain term or a value. */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "string") return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(value);
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(", ")}]`;
  return `{${Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`)
    .join(", ")}}`;
}

/** A domain term as Python prints the tuple. */
export const termRepr = (term: unknown[]): string => `(${term.map(pyRepr).join(", ")})`;
