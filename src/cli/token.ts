/**
 * Make an organiser API token:
 *   npm run token -- <organiser-slug> ["Organiser name"] [--name "what it is for"]
 * The organiser is created when it does not exist yet (then give its name). Uses the same
 * database settings as `npm start` (DATABASE_URL, or the embedded database in DATA_DIR —
 * stop the server first: the embedded database is opened by one process at a time).
 */
import { loadConfig } from '../config';
import { openDatabase } from '../db/client';
import { createApiToken, ensureOrganiser, findOrganiser } from '../domain/organisers/service';
import { SLUG_PATTERN } from '../kernel/text';

const args = process.argv.slice(2);
const nameFlag = args.indexOf('--name');
const purpose = nameFlag >= 0 ? (args.splice(nameFlag, 2)[1] ?? 'API') : 'API';
const [slug, organiserName] = args;
if (!slug || !SLUG_PATTERN.test(slug)) {
  console.error('Gebruik: npm run token -- <organisator-slug> ["Naam organisator"] [--name "doel"]');
  process.exit(2);
}
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const existing = await findOrganiser(database.db, slug);
  if (!existing && !organiserName) {
    console.error(`Organisator "${slug}" bestaat nog niet: geef ook de naam, bijvoorbeeld npm run token -- ${slug} "Platform31".`);
    process.exitCode = 2;
  } else {
    const organiser = existing ?? (await ensureOrganiser(database.db, slug, organiserName!));
    const token = await createApiToken(database.db, organiser.id, purpose);
    console.log(`API-token voor ${organiser.name} (${organiser.slug}):\n\n  ${token}\n\nBewaar het nu: het wordt niet opnieuw getoond.`);
  }
} finally {
  await database.close();
}
