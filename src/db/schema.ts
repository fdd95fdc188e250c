// All tables, for drizzle-kit and for the typed client. Each area owns its own table.ts.
export * from '../domain/organisers/table';
export * from '../domain/events/table';
export * from '../domain/registration/table';
export * from '../domain/mail/table';
export * from '../domain/accounts/table';
export * from '../domain/checkin/table';
export * from '../domain/audit/table';
export * from '../domain/files/table';
