import pino from "pino";

// JSON logs on stdout; secrets never reach them (tokens and cookies are redacted by path).
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  redact: {
    paths: [
      "*.password",
      "*.token",
      "*.accessToken",
      "*.refreshToken",
      "*.headers.cookie",
      "*.headers.authorization",
      "*.secret",
    ],
    censor: "[redacted]",
  },
  base: { service: "synco" },
});
