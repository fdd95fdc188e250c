/**
 * Invite someone to an organiser's back office and print the link:
 *   npm run account -- --organiser <slug> --email <address> --role beheerder|redacteur|balie [--organiser-name "Name"]
 * The organiser is created when it does not exist yet (then give --organiser-name). The
 * invitation is also queued as a mail (sent by the running server). Uses the same database
 * settings as `npm start` (with the embedded database, stop the server first).
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { openDatabase } from '../db/client';
import { ACCOUNT_ROLES, INVITATION_MS, type AccountRole } from '../domain/accounts/rules';
import { inviteAccount } from '../domain/accounts/service';
import { ensureOrganiser, findOrganiser } from '../domain/organisers/service';
import { formatDateNl, formatTimeNl } from '../kernel/dates';
import { SLUG_PATTERN } from '../kernel/text';

const usage = 'Gebruik: npm run account -- --organiser <organisator-slug> --email <e-mailadres> --role beheerder|redacteur|balie [--organiser-name "Naam organisator"]';

let values;
try {
  ({ values } = parseArgs({
    options: { organiser: { type: 'string' }, email: { type: 'string' }, role: { type: 'string', default: 'beheerder' }, 'organiser-name': { type: 'string' } },
  }));
} catch (err) {
  console.error(`${(err as Error).message}\n${usage}`);
  process.exit(2);
}
const { organiser: slug, email, role } = values;
if (!slug || !SLUG_PATTERN.test(slug) || !email || !(ACCOUNT_ROLES as readonly string[]).includes(role ?? '')) {
  console.error(usage);
  process.exit(2);
}
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const existing = await findOrganiser(database.db, slug);
  if (!existing && !values['organiser-name']) {
    console.error(`Organisator "${slug}" bestaat nog niet: geef ook de naam, bijvoorbeeld --organiser-name "Mijn Instituut".`);
    process.exitCode = 2;
  } else {
    const organiser = existing ?? (await ensureOrganiser(database.db, slug, values['organiser-name']!));
    const result = await inviteAccount(
      database.db,
      { organiserId: organiser.id, email, role: role as AccountRole, invitedBy: null },
      { now: new Date(), baseUrl: config.publicUrl },
    );
    if (result.kind === 'invalid') {
      console.error(result.problems.map((p) => p.message).join('\n'));
      process.exitCode = 2;
    } else {
      const until = new Date(Date.now() + INVITATION_MS);
      console.log(
        `Uitnodiging voor ${email} als ${role} bij ${organiser.name} (${organiser.slug}):\n\n  ${result.url}\n\n` +
          `De link werkt één keer, tot ${formatDateNl(until)} ${formatTimeNl(until)} uur. Een e-mail met deze link staat ook klaar (de server verstuurt hem).`,
      );
    }
  }
} finally {
  await database.close();
}
