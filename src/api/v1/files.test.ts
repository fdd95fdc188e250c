import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '../../domain/events/service';
import { createApiToken, ensureOrganiser } from '../../domain/organisers/service';
import { databaseKinds, type TestDatabase } from '../../../test/db';
import { eventDocument } from '../../../test/factories';
import { pdfBytes, pngBytes, svgBytes } from '../../../test/files';
import { testApp } from '../../../test/app';
import { TEST_ACTOR } from '../../../test/actors';

/* Uploading files through the API, then naming them in the event document. */

type App = Awaited<ReturnType<typeof testApp>>;

describe.each(databaseKinds)('POST /api/v1/events/{slug}/files ($name)', (kind) => {
  let database: TestDatabase;
  let app: App;
  let token: string;
  let otherToken: string;

  const upload = (slug: string, purpose: string, bytes: Uint8Array, name: string, auth: string | null = token) => {
    const form = new FormData();
    form.set('purpose', purpose);
    form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], name));
    return app.request(`/api/v1/events/${slug}/files`, { method: 'POST', headers: auth ? { authorization: `Bearer ${auth}` } : {}, body: form });
  };
  const json = (method: string, path: string, body?: unknown, auth = token) =>
    app.request(path, { method, headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

  beforeAll(async () => {
    database = await kind.open();
    app = await testApp(database);
    const org = (await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut')).id;
    const other = (await ensureOrganiser(database.db, 'andere-organisator', 'Andere organisator')).id;
    token = await createApiToken(database.db, org, 'website');
    otherToken = await createApiToken(database.db, other, 'andere website');
    await createEvent(database.db, eventDocument({ slug: 'api-fotodag' }), { actor: TEST_ACTOR, actingOrganiserId: org });
    await createEvent(database.db, eventDocument({ slug: 'andere-dag', organisers: [{ slug: 'andere-organisator', name: 'Andere organisator', role: 'organiser' }] }), { actor: TEST_ACTOR, actingOrganiserId: other });
  });
  afterAll(() => database?.close());

  it('stores a photo (201 with id and url), which a PUT of the document then names; GET gives it back with its pixel size', async () => {
    const res = await upload('api-fotodag', 'speaker_photo', pngBytes(90, 60), 'spreker.png');
    expect(res.status).toBe(201);
    const file = (await res.json()) as { id: string; url: string; contentType: string; width: number };
    expect(file).toMatchObject({ contentType: 'image/png', width: 90, height: 60, purpose: 'speaker_photo', filename: 'spreker.png' });
    expect(file.url).toBe(`/bestanden/${file.id}/spreker.png`);

    const doc = (await (await json('GET', '/api/v1/events/api-fotodag')).json()) as { speakers: Record<string, unknown>[] };
    doc.speakers[0]!.photo = { fileId: file.id };
    expect((await json('PUT', '/api/v1/events/api-fotodag', doc)).status).toBe(200);
    const read = (await (await app.request('/api/v1/events/api-fotodag')).json()) as { speakers: { photo: unknown }[] };
    expect(read.speakers[0]!.photo).toMatchObject({ fileId: file.id, url: `/bestanden/${file.id}/spreker.png`, width: 90, height: 60 });
    expect((await app.request(`/bestanden/${file.id}/spreker.png`)).status).toBe(200);
  });

  it("refuses a document naming another organiser's file with 400 and the field path", async () => {
    const theirs = (await (await upload('andere-dag', 'report_attachment', await pdfBytes(), 'hun.pdf', otherToken)).json()) as { id: string };
    const doc = (await (await json('GET', '/api/v1/events/api-fotodag')).json()) as Record<string, unknown>;
    doc.report = { title: 'Verslag', body: 'Tekst.', attachments: [{ title: 'Hun slides', fileId: theirs.id }] };
    const res = await json('PUT', '/api/v1/events/api-fotodag', doc);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { problems: { path: string }[] } }).error.problems.map((p) => p.path)).toEqual(['report.attachments.0.fileId']);
  });

  it.each([
    ['an SVG as a photo', 'speaker_photo', svgBytes(), 'logo.svg', 415],
    ['a photo as an attachment', 'report_attachment', pngBytes(), 'slides.pdf', 415],
    ['an unknown purpose', 'logo', pngBytes(), 'x.png', 400],
    ['an empty file', 'speaker_photo', new Uint8Array(), 'x.png', 400],
  ])('refuses %s (%s) with %i', async (_what, purpose, bytes, name, status) => {
    const res = await upload('api-fotodag', purpose, bytes, name);
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/\S/);
  });

  it('answers 401 without a token, 404 for an event of another organiser, 415 for a JSON body', async () => {
    expect((await upload('api-fotodag', 'speaker_photo', pngBytes(), 'x.png', null)).status).toBe(401);
    expect((await upload('andere-dag', 'speaker_photo', pngBytes(), 'x.png')).status).toBe(404);
    expect((await json('POST', '/api/v1/events/api-fotodag/files', { purpose: 'speaker_photo' })).status).toBe(415);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await (await app.request('/api/v1/openapi.json')).json()) as { paths: Record<string, { post?: { requestBody: { content: Record<string, unknown> } } }> };
    expect(Object.keys(doc.paths['/events/{slug}/files']!.post!.requestBody.content)).toEqual(['multipart/form-data']);
  });
});
