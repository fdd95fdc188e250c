import QRCode from 'qrcode';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client';
import { createAccount } from '../../src/domain/accounts/service';
import { createEvent, getEventDocument } from '../../src/domain/events/service';
import { ensureOrganiser } from '../../src/domain/organisers/service';
import { eventDocument } from '../factories';
import { pdfBytes } from '../files';
import { serveTestApp } from '../app';
import { hasChromium, launchBrowser, expectAccessible } from './browser';
import { TEST_ACTOR } from '../actors';
import { openTestPglite } from '../db';

/*
 * Files in the editor, in Chromium, by keyboard only: a speaker's photo on Sprekers and a
 * PDF on Verslag (each file input opened with the space bar, the file chosen in the file
 * chooser), publishing, and both on the public pages. Axe on every page on the way.
 */

const PW = 'paars paard op de dijk';

describe.runIf(hasChromium)('photos and attachments in the editor, in Chromium', () => {
  let database: Database;
  let server: { url: string; close: () => Promise<void> };
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let photo: Buffer;
  let pdf: Uint8Array;

  beforeAll(async () => {
    database = await openTestPglite();
    const org = (await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut')).id;
    await createEvent(
      database.db,
      eventDocument({ slug: 'fotodag', title: 'Fotodag wijkaanpak', status: 'draft', speakers: [{ key: 'jan', name: 'Jan Jansen', role: 'Onderzoeker' }], programme: [] , workshops: [] }),
      { actor: TEST_ACTOR, actingOrganiserId: org },
    );
    await createAccount(database.db, { organiserId: org, email: 'redactie@example.org', name: 'Fictieve Redacteur', password: PW, role: 'redacteur' }, new Date());
    // A real, decodable PNG (a QR code), so the browser shows it.
    photo = await QRCode.toBuffer('Jan Jansen', { type: 'png', width: 200, margin: 1 });
    pdf = await pdfBytes('Presentatie Jan Jansen');
    server = await serveTestApp(database, () => new Date());
    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'nl-NL' });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
  }, 60_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    await database?.close();
  });

  const field = (name: string) => page.locator(`[id="veld-${name}"]`);
  /** Tab to a control: focus moves by the keyboard until it is on `target` (bounded). */
  async function tabTo(target: Locator) {
    for (let n = 0; n < 150; n++) {
      if (await target.evaluate((el) => el === document.activeElement)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error('Tab never reached the control');
  }
  /** Open a file input with the space bar and choose a file in the chooser. */
  async function chooseFile(input: Locator, file: { name: string; mimeType: string; buffer: Buffer }) {
    await tabTo(input);
    // On a loaded machine Chromium now and then drops the first key press on a file input
    // (no chooser opens); pressing it once more, still by keyboard, is what a person does.
    for (let attempt = 1; ; attempt++) {
      try {
        const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 15_000 }), page.keyboard.press('Space')]);
        await chooser.setFiles(file);
        return;
      } catch (err) {
        if (attempt >= 3) throw err;
        await tabTo(input);
      }
    }
  }
  const pressButton = async (name: string) => {
    await tabTo(page.getByRole('button', { name, exact: true }).last());
    // The form posts and the next page (after a redirect, or the same form again) loads.
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
  };

  it('uploads a speaker photo and a PDF for the report, publishes, and both are on the public pages', async () => {
    await page.goto(`${server.url}/beheer/inloggen`);
    await tabTo(page.getByLabel('E-mailadres'));
    await page.keyboard.type('redactie@example.org');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PW);
    await Promise.all([page.waitForURL(`${server.url}/beheer`), page.keyboard.press('Enter')]);

    // Sprekers: the photo.
    await page.goto(`${server.url}/beheer/evenementen/fotodag/bewerken/sprekers`);
    await expectAccessible(page);
    await chooseFile(field('speakers.0.photoFile'), { name: 'Jan Jansen.png', mimeType: 'image/png', buffer: photo });
    await pressButton('Opslaan');
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Opgeslagen.');
    const thumbnail = page.getByRole('img', { name: 'Foto van Jan Jansen' });
    expect(await thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(200);
    await expectAccessible(page);

    // Verslag: a report with one attachment, published.
    await page.goto(`${server.url}/beheer/evenementen/fotodag/bewerken/verslag`);
    await expectAccessible(page);
    await tabTo(field('report.title'));
    await page.keyboard.type('Terugblik op de fotodag');
    await tabTo(field('report.body'));
    await page.keyboard.type('Een middag vol gesprekken over de wijk.');
    await pressButton('Bijlage toevoegen');
    await expectAccessible(page);
    await tabTo(field('report.attachments.0.title'));
    await page.keyboard.type('Presentatie Jan Jansen');
    await chooseFile(field('report.attachments.0.file'), { name: 'presentatie.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) });
    await tabTo(field('report.published'));
    await page.keyboard.press('Space');
    await pressButton('Opslaan');
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Opgeslagen.');
    await expect.poll(() => page.getByRole('link', { name: 'presentatie.pdf' }).count()).toBe(1);
    await expectAccessible(page);

    // Publish the event.
    await page.goto(`${server.url}/beheer/evenementen/fotodag/bewerken`);
    await pressButton('Publiceren');
    await expect.poll(() => page.getByRole('status').textContent()).toContain('gepubliceerd');

    // The public event page: the photo (alt = the name, width/height, lazy) and the attachment.
    const doc = (await getEventDocument(database.db, 'fotodag'))!;
    await page.goto(`${server.url}/evenementen/fotodag`);
    await expectAccessible(page, { withoutScripts: true });
    const img = page.getByRole('img', { name: 'Jan Jansen', exact: true });
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => [el.getAttribute('src'), el.width, el.height, el.loading, el.naturalWidth])).toEqual([doc.speakers[0]!.photo!.url, 160, 160, 'lazy', 200]);
    await expect.poll(() => page.getByRole('listitem').filter({ hasText: 'Presentatie Jan Jansen' }).textContent()).toMatch(/^Presentatie Jan Jansen \(PDF, \d+ kB\)$/);

    // The report page lists it too, and the link gives the PDF, sandboxed.
    await page.goto(`${server.url}/evenementen/fotodag/verslag`);
    await expectAccessible(page, { withoutScripts: true });
    const link = page.getByRole('link', { name: 'Presentatie Jan Jansen' });
    const href = (await link.getAttribute('href'))!;
    const res = await page.request.get(`${server.url}${href}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    expect(res.headers()['content-security-policy']).toBe('sandbox');
    expect(Buffer.from(await res.body()).equals(Buffer.from(pdf))).toBe(true);
  }, 180_000);
});
