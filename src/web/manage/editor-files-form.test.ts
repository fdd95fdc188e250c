import { describe, expect, it } from 'vitest';
import { EventDocumentSchema } from '../../domain/events/document';
import { eventDocument } from '../../../test/factories';
import { applyValues, toValues } from './editor-form';
import { fileFieldOf, withStaffUrls } from './editor-files';

/* The file fields of the Sprekers and Verslag forms, pure: form ↔ document, and where a problem about a file is shown. */

const PHOTO = '11111111-1111-4111-8111-111111111111';
const PDF = '22222222-2222-4222-8222-222222222222';
const doc = EventDocumentSchema.parse(
  eventDocument({
    speakers: [{ key: 'spreker', name: 'Fictieve Spreker', photo: { fileId: PHOTO, url: `/bestanden/${PHOTO}/a.png`, width: 10, height: 10 } }],
    report: { title: 'Verslag', body: 'Tekst.', attachments: [{ title: 'Slides', fileId: PDF, url: `/bestanden/${PDF}/s.pdf` }] },
  }),
);

describe('file fields of the editor', () => {
  it('keeps a speaker photo and the attachments through the form', () => {
    expect(toValues('sprekers', doc)['speakers.0.photo']).toBe(PHOTO);
    const speakers = applyValues('sprekers', doc, toValues('sprekers', doc)).speakers as { photo?: { fileId: string } }[];
    expect(speakers[0]!.photo).toEqual({ fileId: PHOTO });
    const v = toValues('verslag', doc);
    expect([v['report.attachments.0.title'], v['report.attachments.0.fileId']]).toEqual(['Slides', PDF]);
    expect((applyValues('verslag', doc, v).report as { attachments: unknown[] }).attachments).toEqual([{ title: 'Slides', fileId: PDF }]);
  });

  it.each([
    [{ 'speakers.0.photo': '' }, 'sprekers', (out: Record<string, unknown>) => (out.speakers as { photo?: unknown }[])[0]!.photo, undefined],
    [{ 'report.attachments.0.title': '', 'report.attachments.0.fileId': '', 'report.attachments.0.key': '' }, 'verslag', (out: Record<string, unknown>) => (out.report as { attachments: unknown[] }).attachments, [{ title: '', fileId: '' }]],
  ] as const)('a cleared field %j on %s gives %j', (change, part, pick, expected) => {
    expect(pick(applyValues(part, doc, { ...toValues(part, doc), ...change }))).toEqual(expected);
  });

  it('drops the attachments when every row is removed', () => {
    const v = Object.fromEntries(Object.entries(toValues('verslag', doc)).filter(([k]) => !k.startsWith('report.attachments.')));
    expect((applyValues('verslag', doc, v).report as { attachments: unknown[] }).attachments).toEqual([]);
  });

  it.each([
    ['speakers.2.photo.fileId', 'speakers.2.photoFile'],
    ['speakers.0.photo', 'speakers.0.photoFile'],
    ['report.attachments.1.fileId', 'report.attachments.1.file'],
    ['report.attachments.1.title', 'report.attachments.1.title'],
    ['speakers.0.name', 'speakers.0.name'],
  ])('a problem at %s is shown at %s', (path, field) => {
    expect(fileFieldOf(path)).toBe(field);
  });

  it('points the preview of a draft at the staff addresses', () => {
    const staff = withStaffUrls(doc);
    expect(staff.speakers[0]!.photo!.url).toBe(`/beheer/bestanden/${PHOTO}/a.png`);
    expect(staff.report!.attachments![0]!.url).toBe(`/beheer/bestanden/${PDF}/s.pdf`);
  });
});
