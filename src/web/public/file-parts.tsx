import type { FC } from 'hono/jsx';
import type { EventDocument, ReportAttachment, SpeakerPhoto } from '../../domain/events/document';
import { humanSize, typeLabel } from '../../domain/files/rules';

/*
 * Stored files on the public pages: a speaker's photo, and the list of a report's
 * attachments ("Presentatie Jan Jansen (PDF, 1,2 MB)"), on the report page and in the
 * report part of the event page.
 */

/** A speaker's photo in a box of `box` pixels, in proportion; width and height set, so nothing jumps. */
export const SpeakerPhotoImage: FC<{ photo: SpeakerPhoto; name: string; box?: number }> = ({ photo, name, box = 160 }) => {
  if (!photo.url) return null;
  const scale = photo.width && photo.height ? Math.min(1, box / Math.max(photo.width, photo.height)) : 1;
  return (
    <img
      class="bijeen-speaker__photo"
      src={photo.url}
      alt={name}
      width={photo.width ? Math.round(photo.width * scale) : undefined}
      height={photo.height ? Math.round(photo.height * scale) : undefined}
      loading="lazy"
      decoding="async"
    />
  );
};

export const attachmentLabel = (a: ReportAttachment) => `${typeLabel(a.contentType ?? '')}, ${humanSize(a.sizeBytes ?? 0)}`;

export const AttachmentList: FC<{ attachments: ReportAttachment[] }> = ({ attachments }) => (
  <ul class="utrecht-unordered-list bijeen-attachments">
    {attachments.map((a) => (
      <li class="utrecht-unordered-list__item">
        <a class="utrecht-link" href={a.url}>
          {a.title}
        </a>{' '}
        ({attachmentLabel(a)})
      </li>
    ))}
  </ul>
);

/** The report's attachments as a section of their own, under an h2. */
export const ReportAttachments: FC<{ doc: EventDocument; id: string; title: string }> = ({ doc, id, title }) => {
  const attachments = doc.report?.attachments ?? [];
  if (!attachments.length) return null;
  return (
    <section class="bijeen-section" aria-labelledby={id}>
      <h2 class="utrecht-heading-2" id={id}>
        {title}
      </h2>
      <AttachmentList attachments={attachments} />
    </section>
  );
};
