import { index, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/table';
import { meetings } from '../events/table';
import { registrations } from '../registration/table';

/*
 * Attendance (aanwezigheid): who was checked in at which meeting, when, and by which
 * account. One row per registration per meeting, so a course keeps attendance per
 * meeting (and can later decide who earned a certificate). Undoing a check-in deletes the
 * row. The check-in code itself is not stored: it is derived from the registration's
 * token (rules.ts, docs/decisions/015).
 */
export const attendance = pgTable(
  'attendance',
  {
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }).notNull(),
    /** The account at the desk; null once that account is removed. */
    checkedInBy: uuid('checked_in_by').references(() => accounts.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ columns: [t.registrationId, t.meetingId] }), index('attendance_meeting_idx').on(t.meetingId)],
);
