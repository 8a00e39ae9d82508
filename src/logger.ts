/** Structured JSON logs (pino). Never log personal data: log ids of requests, not of people. */
import { pino } from "pino";

export const logger = pino({
  level: process.env.LOG_LEVEL || (process.env.NODE_ENV === "test" || process.env.VITEST ? "silent" : "info"),
  base: { service: "ndaf-gateway" },
});
export type Logger = typeof logger;
