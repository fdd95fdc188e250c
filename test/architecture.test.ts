import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The layering rule of DESIGN.md as a test (our lint rule): the domain never imports the
 * HTTP framework or the edge (web/, api/), and rules.ts files do no I/O.
 */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) ? [p] : [];
  });
}
const imports = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^\s*import[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);

describe('architecture', () => {
  it.each(files('src/domain').map((f) => [relative('src', f)]))('%s does not import hono, web/ or api/', (file) => {
    const bad = imports(join('src', file)).filter((i) => /^hono(\/|$)|^@hono\/|\/web\/|\/api\//.test(i));
    expect(bad).toEqual([]);
  });

  it.each(files('src').filter((f) => f.endsWith('rules.ts')).map((f) => [relative('src', f)]))('%s is pure: no database, network or file access', (file) => {
    const bad = imports(join('src', file)).filter((i) => /db\/|drizzle|node:(fs|net|http)|pg|pglite|nodemailer/.test(i));
    expect(bad).toEqual([]);
  });

  it('keeps web/ and api/ away from the tables: they call services', () => {
    const edge = [...files('src/web'), ...files('src/api')];
    const bad = edge.filter((f) => imports(f).some((i) => /\/table$|drizzle-orm/.test(i)));
    expect(bad).toEqual([]);
  });

  it('keeps passwords and sessions in domain/accounts: nothing else imports the password hash library', () => {
    const bad = files('src').filter((f) => !f.startsWith(join('src', 'domain', 'accounts')) && imports(f).some((i) => /argon2|bcrypt/.test(i)));
    expect(bad).toEqual([]);
  });
});
