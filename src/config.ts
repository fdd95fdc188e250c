import { z } from 'zod';

/**
 * Environment → typed configuration, read once at start-up. Every setting here is listed
 * in the README's settings table; keep the two in step.
 */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  BIJEEN_DEMO: z.enum(['0', '1']).default('1'),
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
  RATE_LIMIT_PER_EVENT: z.coerce.number().int().min(1).default(600),
  TRUST_PROXY: z.enum(['0', '1']).default('0'),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).optional(),
});

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL connection string; absent means the embedded PGlite database in dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Load the five demo events into an empty database at start-up. */
  demo: boolean;
  /** Absolute base URL used in feeds and links that leave the site (iCalendar URL fields). */
  publicUrl: string;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  /** SMTP server for outgoing mail; without it mails are kept as .eml files in DATA_DIR/outbox. */
  smtpUrl: string | undefined;
  /** Sender of every mail. */
  mailFrom: string;
  /** Public writes (registrations) per client address and per event, per minute. */
  rateLimits: { perAddressPerMinute: number; perEventPerMinute: number; trustProxy: boolean };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Ongeldige instellingen (environment):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    demo: e.BIJEEN_DEMO === '1',
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    logLevel: e.LOG_LEVEL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM ?? `bijeen <noreply@${new URL(e.PUBLIC_URL ?? 'http://localhost').hostname}>`,
    rateLimits: {
      perAddressPerMinute: e.RATE_LIMIT_PER_ADDRESS,
      perEventPerMinute: e.RATE_LIMIT_PER_EVENT,
      trustProxy: e.TRUST_PROXY === '1',
    },
  };
}
