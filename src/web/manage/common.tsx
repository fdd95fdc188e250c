import type { Child, FC } from 'hono/jsx';
import type { Context as HonoContext } from 'hono';
import type { AppEnv } from '../../app';
import type { SessionAccount } from '../../domain/accounts/service';
import type { RegistrationStatus } from '../../domain/registration/back-office';
import { formatDateNl, formatTimeNl } from '../../kernel/dates';

/* Small pieces every back-office page file uses: who is logged in, a moment, the CSRF field, a data-list row, status words. */

/** The logged-in account (requireSession has set it on every page that needs one). */
export const me = (c: HonoContext<AppEnv>): SessionAccount => c.var.account!;

/** A moment as the back office shows it: "donderdag 28 januari 2021 14:00". */
export const when = (d: Date) => `${formatDateNl(d)} ${formatTimeNl(d)}`;

/** The form's CSRF token (decision 009). */
export const Csrf: FC<{ token: string }> = ({ token }) => <input type="hidden" name="_csrf" value={token} />;

/** One row of an Utrecht data list: a key and its value. */
export const DataRow: FC<{ k: string; children: Child }> = ({ k, children }) => (
  <div class="utrecht-data-list__item">
    <dt class="utrecht-data-list__item-key">{k}</dt>
    <dd class="utrecht-data-list__item-value">{children}</dd>
  </div>
);

/** A registration's status in Dutch, as the registrations pages and the balie show it. */
export const STATUS_LABELS: Record<RegistrationStatus, string> = {
  confirmed: 'Bevestigd',
  waitlisted: 'Wachtlijst',
  pending: 'Wacht op goedkeuring',
  offered: 'Plaats aangeboden',
  refused: 'Afgewezen',
  cancelled: 'Geannuleerd',
  expired: 'Aanbod verlopen',
};

