// The errors the Odoo client raises, one class per thing a caller reacts to differently: fix the
// credentials, grant the rights, correct the data, forget a deleted record, fix the address or
// database, or try again later. Messages name the server, database and call — never the API key.

export type OdooErrorDetails = {
  /** Origin of the Odoo server (no path, no credentials). */
  server: string;
  database: string;
  /** `res.partner.create`, `common.authenticate`… */
  call?: string;
  /** Odoo's exception class, e.g. `odoo.exceptions.ValidationError`. */
  odooName?: string;
  /** Odoo's own message. */
  odooMessage?: string;
  status?: number;
  cause?: unknown;
};

export class OdooError extends Error {
  readonly server: string;
  readonly database: string;
  readonly call: string | undefined;
  readonly odooName: string | undefined;
  readonly odooMessage: string | undefined;
  readonly status: number | undefined;
  constructor(message: string, details: OdooErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.server = details.server;
    this.database = details.database;
    this.call = details.call;
    this.odooName = details.odooName;
    this.odooMessage = details.odooMessage;
    this.status = details.status;
  }
}

const where = (d: OdooErrorDetails) => `${d.call ? `${d.call} on ` : ""}${d.server} (database ${d.database})`;
const saying = (d: OdooErrorDetails) => (d.odooMessage ? `: ${d.odooMessage.trim()}` : "");

/** The login and API key (or password) were refused. */
export class OdooBadCredentialsError extends OdooError {
  constructor(details: OdooErrorDetails) {
    super(`Odoo refused the login or API key for ${where(details)}`, details);
  }
}

/** The user lacks an access right (odoo.exceptions.AccessError), or the method is private. */
export class OdooAccessDeniedError extends OdooError {
  constructor(details: OdooErrorDetails) {
    super(`Odoo denied access to ${where(details)}${saying(details)}`, details);
  }
}

/** Odoo refused the data: ValidationError (constraints, required fields) or UserError (business rules). */
export class OdooValidationError extends OdooError {
  constructor(details: OdooErrorDetails) {
    super(`Odoo rejected ${where(details)}${saying(details)}`, details);
  }
}

/** The record does not exist or was deleted (odoo.exceptions.MissingError). */
export class OdooMissingRecordError extends OdooError {
  constructor(details: OdooErrorDetails) {
    super(`A record of ${where(details)} does not exist or was deleted${saying(details)}`, details);
  }
}

/** No such database, model, method or endpoint (for instance JSON-2 below Odoo 19). */
export class OdooNotFoundError extends OdooError {
  constructor(
    readonly what: "database" | "model" | "method" | "endpoint",
    details: OdooErrorDetails,
  ) {
    super(`Odoo has no such ${what} for ${where(details)}${saying(details)}`, details);
  }
}

/** Network failures, timeouts, 429/5xx and Odoo's concurrency errors that outlasted the retries. */
export class OdooTransientError extends OdooError {
  constructor(
    reason: string,
    readonly attempts: number,
    details: OdooErrorDetails,
  ) {
    super(`Odoo call ${where(details)} failed after ${attempts} attempt(s): ${reason}`, details);
  }
}

/** Any other error Odoo raised (ValueError, TypeError… — usually a bad request), or an unreadable answer. */
export class OdooServerError extends OdooError {
  constructor(details: OdooErrorDetails) {
    super(
      `Odoo failed on ${where(details)}${details.odooName ? ` (${details.odooName})` : ""}${saying(details)}`,
      details,
    );
  }
}

/** The address guard refused the server's address (not public, decision 105): not retried. */
export class OdooAddressRefusedError extends OdooError {
  constructor(reason: string, details: OdooErrorDetails) {
    super(`Synco does not connect to ${details.server}: ${reason}`, details);
  }
}
