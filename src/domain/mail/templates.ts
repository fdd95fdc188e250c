import { DateTime } from 'luxon';
import { ZONE } from '../../kernel/dates';
import { messageBody } from './markdown';
import type { MailKind, MailLanguage } from './table';
import { escapeHtml } from '../../kernel/text';

/*
 * Mail templates: pure functions, no I/O. A template builds a list of blocks (paragraphs,
 * headings, lists, one link to act on) once; the same blocks become the plain-text part
 * and the HTML part, so the two always say the same. Dutch first, English second.
 *
 * The HTML is deliberately plain: a `lang` attribute, one h1 and real h2 headings, links
 * with words that say where they go, inline styles only, and every value escaped.
 */

export interface MeetingInfo {
  /** A course's meeting has a title of its own. */
  title: string | null;
  startsAt: Date;
  endsAt: Date;
  /** "Stadhuis, Spui 70, 2511 BT Den Haag"; null for an online-only meeting. */
  place: string | null;
  online: boolean;
  /** The stream or meeting link: only given to someone who holds a place. */
  joinUrl: string | null;
}

export interface ChoiceInfo {
  /** The round's title, "Ronde 1". */
  round: string;
  startsAt: Date;
  endsAt: Date | null;
  workshop: string;
  status: 'confirmed' | 'pending' | 'waitlisted';
  /** Place on the workshop's waiting list (1 = next), when waitlisted. */
  position: number | null;
}

export interface ContactInfo {
  name: string;
  email: string | null;
  phone: string | null;
}

export interface EventInfo {
  title: string;
  /** The public event page. */
  url: string;
  meetings: MeetingInfo[];
  /** The main organiser's name, used to sign the mail. */
  organiser: string | null;
  contact: ContactInfo | null;
}

export interface BaseMailData {
  /** The registrant's name. */
  name: string;
  event: EventInfo;
  /** The personal link: view, change or cancel the registration. */
  personalUrl: string;
  choices: ChoiceInfo[];
  /** An iCalendar file is attached (an invitation, or its cancellation). */
  calendarAttached: boolean;
  /**
   * The check-in code (checkin/rules.ts), for a confirmation of a place. The HTML shows it
   * as a QR image by Content-ID (`cid:checkin-<code>@bijeen`), which the sender attaches
   * when it sends (worker/transport.ts); the text part gives the code itself.
   */
  checkinCode?: string | null;
}

/** The Content-ID of the check-in QR image in a mail's HTML: the code is in it, so the sender can draw it. */
export const checkinImageCid = (code: string) => `checkin-${code}@bijeen`;
/** Finds the check-in image a mail's HTML refers to (only in an img src our templates write). */
export const CHECKIN_IMAGE = /<img src="cid:checkin-([0-9A-HJKMNP-TV-Z]{10})@bijeen"/;

/** What changed about an event, for the event_changed mail. */
/** `reinstated`: a cancelled event goes ahead after all (told alone, with the current details). */
export type EventChange = 'dates' | 'venue' | 'online' | 'programme' | 'cancelled' | 'reinstated';

export interface MailDataByKind {
  confirmation: BaseMailData;
  waitlisted: BaseMailData & { position: number | null };
  pending: BaseMailData;
  offer: BaseMailData & { expiresAt: Date };
  offer_expired: BaseMailData;
  refused: BaseMailData & { reason: string | null };
  cancelled: BaseMailData;
  event_changed: BaseMailData & { changes: EventChange[] };
  invite: InviteMailData;
  password_reset: PasswordResetMailData;
  message: MessageMailData;
}

/** A link to set a new password for a staff account (not about an event either). */
export interface PasswordResetMailData {
  name: string;
  organiser: string;
  url: string;
  expiresAt: Date;
}

/**
 * A message an organiser wrote (mail_messages): their subject and their Markdown text, in
 * the one language they wrote it in, inside the frame of the registrant's language
 * (greeting, personal link, contact, signature).
 */
export interface MessageMailData extends BaseMailData {
  subject: string;
  /** The organiser's Markdown; rendered safely (domain/mail/markdown.ts). */
  body: string;
}

/** An invitation to a staff account: not about an event, so none of the registrant parts. */
export interface InviteMailData {
  /** The organiser's name; null for the set-up link of a new installation. */
  organiser: string | null;
  /** Who invited, when a person did. */
  invitedBy: string | null;
  /** The role's name and what it may do, e.g. "Redacteur (evenementen en aanmeldingen)". */
  role: string;
  /** The invitation page. */
  url: string;
  expiresAt: Date;
}

/** Mails to staff (an invitation, a password reset), not to a registrant: none of the registrant parts. */
export type StaffMailKind = 'invite' | 'password_reset';
export type RegistrantMailKind = Exclude<MailKind, StaffMailKind>;

export type MailData<K extends MailKind = MailKind> = MailDataByKind[K];

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

// ---------------------------------------------------------------------------------------
// Blocks: what a template says, before it is text or HTML.

type Inline = string | { strong: string } | { text: string; href: string };
/** One item of a list; each inner array is one line. */
type Item = Inline[][];
type Block =
  | { kind: 'p'; parts: Inline[] }
  | { kind: 'h2'; text: string }
  | { kind: 'list'; items: Item[] }
  | { kind: 'action'; text: string; href: string }
  | { kind: 'lines'; lines: string[] }
  /** An organiser's own text: already rendered (markdown.ts), safe HTML and its text. */
  | { kind: 'markdown'; text: string; html: string }
  /** The check-in code: a QR image in HTML, the code in both. */
  | { kind: 'checkin'; code: string; lang: MailLanguage };

const p = (...parts: Inline[]): Block => ({ kind: 'p', parts });
const h2 = (text: string): Block => ({ kind: 'h2', text });

// ---------------------------------------------------------------------------------------
// Dates in Europe/Amsterdam, in the reader's language.

function at(d: Date, lang: MailLanguage): DateTime {
  return DateTime.fromJSDate(d, { zone: ZONE }).setLocale(lang);
}

// Formatting a moment in a zone asks Intl for the zone's offset, which is slow; a batch
// of registrations renders the same few event moments hundreds of times. Remember them.
const formatted = new Map<string, string>();
function formatOnce(d: Date, lang: MailLanguage, format: string): string {
  const key = `${d.getTime()}|${lang}|${format}`;
  let text = formatted.get(key);
  if (text === undefined) {
    text = at(d, lang).toFormat(format);
    if (formatted.size >= 5_000) formatted.clear();
    formatted.set(key, text);
  }
  return text;
}
/** "donderdag 28 januari 2021" · "Thursday 28 January 2021" */
export function formatDate(d: Date, lang: MailLanguage): string {
  return formatOnce(d, lang, 'cccc d LLLL yyyy');
}
/** "14:00" · "9:30" */
function time(d: Date, lang: MailLanguage): string {
  return formatOnce(d, lang, 'H:mm');
}
/** "14:00–17:00 uur" · "14:00–17:00" */
function timeRange(start: Date, end: Date | null, lang: MailLanguage): string {
  const range = end ? `${time(start, lang)}–${time(end, lang)}` : time(start, lang);
  return lang === 'nl' ? `${range} uur` : range;
}
function whenOf(m: { startsAt: Date; endsAt: Date }, lang: MailLanguage): string {
  if (formatOnce(m.startsAt, lang, 'yyyy-MM-dd') === formatOnce(m.endsAt, lang, 'yyyy-MM-dd'))
    return `${formatDate(m.startsAt, lang)}, ${timeRange(m.startsAt, m.endsAt, lang)}`;
  return lang === 'nl'
    ? `${formatDate(m.startsAt, lang)} ${time(m.startsAt, lang)} uur t/m ${formatDate(m.endsAt, lang)} ${time(m.endsAt, lang)} uur`
    : `${formatDate(m.startsAt, lang)} ${time(m.startsAt, lang)} to ${formatDate(m.endsAt, lang)} ${time(m.endsAt, lang)}`;
}

// ---------------------------------------------------------------------------------------
// Words.

const words = {
  nl: {
    greeting: (name: string) => `Beste ${name},`,
    when: 'Wanneer en waar',
    meeting: (i: number, n: number, title: string | null) => (title ? `Bijeenkomst ${i}: ${title}` : `Bijeenkomst ${i} van ${n}`),
    online: 'Online',
    joinLink: 'Link om deel te nemen',
    choices: 'Uw keuzes',
    choiceWaitlisted: (position: number | null) => (position ? `op de wachtlijst, plaats ${position}` : 'op de wachtlijst'),
    questions: 'Vragen?',
    contact: (name: string) => `Neem contact op met ${name}`,
    eventPage: 'Alles over het evenement',
    regards: 'Met vriendelijke groet,',
    footer: (title: string) => `U krijgt deze e-mail omdat u zich heeft aangemeld voor ${title}.`,
    viewRegistration: 'Uw aanmelding bekijken',
    changeRegistration: 'Uw aanmelding bekijken, wijzigen of annuleren',
    acceptOffer: 'De plaats aannemen of afslaan',
    invitation: 'In de bijlage vindt u een agenda-uitnodiging; open die om de bijeenkomst in uw agenda te zetten.',
    invitationUpdate: 'In de bijlage vindt u de bijgewerkte agenda-uitnodiging.',
    invitationCancel: 'Met de bijlage haalt u de bijeenkomst uit uw agenda.',
    changeWords: {
      dates: 'de datum of tijd',
      venue: 'de locatie',
      online: 'de gegevens om online deel te nemen',
      programme: 'het programma',
      cancelled: 'het evenement gaat niet door',
      reinstated: 'het evenement gaat toch door',
    } satisfies Record<EventChange, string>,
    and: 'en',
  },
  en: {
    greeting: (name: string) => `Dear ${name},`,
    when: 'When and where',
    meeting: (i: number, n: number, title: string | null) => (title ? `Meeting ${i}: ${title}` : `Meeting ${i} of ${n}`),
    online: 'Online',
    joinLink: 'Link to join',
    choices: 'Your workshops',
    choiceWaitlisted: (position: number | null) => (position ? `on the waiting list, position ${position}` : 'on the waiting list'),
    questions: 'Questions?',
    contact: (name: string) => `Please contact ${name}`,
    eventPage: 'All about the event',
    regards: 'Kind regards,',
    footer: (title: string) => `You receive this e-mail because you registered for ${title}.`,
    viewRegistration: 'View your registration',
    changeRegistration: 'View, change or cancel your registration',
    acceptOffer: 'Accept or decline the place',
    invitation: 'A calendar invitation is attached; open it to add the event to your calendar.',
    invitationUpdate: 'The updated calendar invitation is attached.',
    invitationCancel: 'Open the attachment to remove the event from your calendar.',
    changeWords: {
      dates: 'the date or time',
      venue: 'the venue',
      online: 'the details for joining online',
      programme: 'the programme',
      cancelled: 'the event is cancelled',
      reinstated: 'the event goes ahead after all',
    } satisfies Record<EventChange, string>,
    and: 'and',
  },
} as const;

function listWords(items: string[], lang: MailLanguage): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${words[lang].and} ${items[items.length - 1]}`;
}

// ---------------------------------------------------------------------------------------
// Sections shared by the templates.

function whenAndWhere(d: BaseMailData, lang: MailLanguage, withJoinLinks: boolean): Block[] {
  const w = words[lang];
  const n = d.event.meetings.length;
  const items: Item[] = d.event.meetings.map((m, i) => {
    const lines: Inline[][] = [];
    if (n > 1 || m.title) lines.push([{ strong: w.meeting(i + 1, n, m.title) }]);
    lines.push([{ strong: whenOf(m, lang) }]);
    if (m.place) lines.push([m.place]);
    if (m.online)
      lines.push(withJoinLinks && m.joinUrl ? [`${w.online}: `, { text: w.joinLink, href: m.joinUrl }] : [w.online]);
    return lines;
  });
  return [h2(w.when), { kind: 'list', items }];
}

function choicesSection(d: BaseMailData, lang: MailLanguage): Block[] {
  if (d.choices.length === 0) return [];
  const w = words[lang];
  const items: Item[] = d.choices.map((c) => [
    [
      `${c.round} (${timeRange(c.startsAt, c.endsAt, lang)}): `,
      { strong: c.workshop },
      ...(c.status === 'waitlisted' ? [` (${w.choiceWaitlisted(c.position)})`] : []),
    ],
  ]);
  return [h2(w.choices), { kind: 'list', items }];
}

function contactSection(d: BaseMailData, lang: MailLanguage): Block[] {
  const c = d.event.contact;
  const w = words[lang];
  const blocks: Block[] = [h2(w.questions)];
  if (c && (c.email || c.phone)) {
    const parts: Inline[] = [`${w.contact(c.name)}: `];
    if (c.email) parts.push({ text: c.email, href: `mailto:${c.email}` });
    if (c.email && c.phone) parts.push(lang === 'nl' ? ' of ' : ' or ');
    if (c.phone) parts.push(c.phone);
    parts.push('.');
    blocks.push(p(...parts));
  }
  blocks.push(p(`${w.eventPage}: `, { text: d.event.url, href: d.event.url }));
  return blocks;
}

function signature(d: BaseMailData, lang: MailLanguage): Block[] {
  return [{ kind: 'lines', lines: [words[lang].regards, d.event.organiser ?? 'bijeen'] }];
}

// ---------------------------------------------------------------------------------------
// The templates.

interface Template<K extends MailKind> {
  subject: (d: MailDataByKind[K], lang: MailLanguage) => string;
  body: (d: MailDataByKind[K], lang: MailLanguage) => Block[];
}

const nl = (lang: MailLanguage) => lang === 'nl';

const templates: { [K in RegistrantMailKind]: Template<K> } = {
  message: {
    subject: (d) => d.subject,
    body: (d, lang) => [{ kind: 'markdown', ...messageBody(d.body) }, { kind: 'action', text: words[lang].viewRegistration, href: d.personalUrl }],
  },
  confirmation: {
    subject: (d, lang) => (nl(lang) ? `Aanmelding bevestigd: ${d.event.title}` : `Registration confirmed: ${d.event.title}`),
    body: (d, lang) => [
      p(
        ...(nl(lang)
          ? ['U bent aangemeld voor ', { strong: d.event.title }, '. Welkom! Hieronder staat alles op een rij.']
          : ['You are registered for ', { strong: d.event.title }, '. Welcome! Here is everything at a glance.']),
      ),
      ...whenAndWhere(d, lang, true),
      ...choicesSection(d, lang),
      ...(d.calendarAttached ? [p(words[lang].invitation)] : []),
      ...(d.checkinCode ? [h2(nl(lang) ? 'Inchecken' : 'Check-in'), { kind: 'checkin', code: d.checkinCode, lang } as Block] : []),
      { kind: 'action', text: words[lang].changeRegistration, href: d.personalUrl },
    ],
  },
  waitlisted: {
    subject: (d, lang) => (nl(lang) ? `Op de wachtlijst: ${d.event.title}` : `On the waiting list: ${d.event.title}`),
    body: (d, lang) => [
      p(
        ...(nl(lang)
          ? [
              { strong: d.event.title },
              ` is vol. U staat op de wachtlijst${d.position ? `, op plaats ${d.position}` : ''}. Komt er een plaats vrij, dan krijgt u bericht.`,
            ]
          : [
              { strong: d.event.title },
              ` is fully booked. You are on the waiting list${d.position ? `, at position ${d.position}` : ''}. If a place becomes available, we will let you know.`,
            ]),
      ),
      ...whenAndWhere(d, lang, false),
      ...choicesSection(d, lang),
      { kind: 'action', text: words[lang].viewRegistration, href: d.personalUrl },
    ],
  },
  pending: {
    subject: (d, lang) => (nl(lang) ? `Aanmelding ontvangen: ${d.event.title}` : `Registration received: ${d.event.title}`),
    body: (d, lang) => [
      p(
        ...(nl(lang)
          ? [
              'Wij hebben uw aanmelding voor ',
              { strong: d.event.title },
              ' ontvangen. De organisatie beoordeelt de aanmeldingen; u krijgt bericht zodra uw aanmelding is goedgekeurd.',
            ]
          : [
              'We have received your registration for ',
              { strong: d.event.title },
              '. The organisers review every registration; you will hear from us once yours has been approved.',
            ]),
      ),
      ...whenAndWhere(d, lang, false),
      ...choicesSection(d, lang),
      { kind: 'action', text: words[lang].viewRegistration, href: d.personalUrl },
    ],
  },
  offer: {
    subject: (d, lang) => (nl(lang) ? `Er is een plaats vrij: ${d.event.title}` : `A place is available: ${d.event.title}`),
    body: (d, lang) => [
      p(
        ...(nl(lang)
          ? ['Er is een plaats vrijgekomen bij ', { strong: d.event.title }, ', en die bieden wij u aan.']
          : ['A place has become available for ', { strong: d.event.title }, ', and we are offering it to you.']),
      ),
      p(
        ...(nl(lang)
          ? [
              'Wilt u komen? Neem de plaats dan aan vóór ',
              { strong: `${formatDate(d.expiresAt, lang)} om ${time(d.expiresAt, lang)} uur` },
              '. Daarna gaat de plaats naar de volgende op de wachtlijst.',
            ]
          : [
              'Would you like to come? Please accept the place before ',
              { strong: `${time(d.expiresAt, lang)} on ${formatDate(d.expiresAt, lang)}` },
              ' (Amsterdam time). After that, the place goes to the next person on the waiting list.',
            ]),
      ),
      { kind: 'action', text: words[lang].acceptOffer, href: d.personalUrl },
      ...whenAndWhere(d, lang, false),
      ...choicesSection(d, lang),
    ],
  },
  offer_expired: {
    subject: (d, lang) => (nl(lang) ? `Aanbod verlopen: ${d.event.title}` : `Offer expired: ${d.event.title}`),
    body: (d, lang) => [
      p(
        ...(nl(lang)
          ? [
              'De plaats die wij u aanboden bij ',
              { strong: d.event.title },
              ' is niet op tijd aangenomen. Het aanbod is daarom verlopen.',
            ]
          : ['The place we offered you for ', { strong: d.event.title }, ' was not accepted in time, so the offer has expired.']),
      ),
      p(nl(lang) ? 'Wilt u toch graag komen? Neem dan contact op met de organisatie.' : 'Would you still like to come? Please contact the organisers.'),
      { kind: 'action', text: words[lang].viewRegistration, href: d.personalUrl },
    ],
  },
  refused: {
    subject: (d, lang) => (nl(lang) ? `Aanmelding niet goedgekeurd: ${d.event.title}` : `Registration not approved: ${d.event.title}`),
    body: (d, lang) => [
      p(
        ...(nl(lang)
          ? ['Helaas kan de organisatie uw aanmelding voor ', { strong: d.event.title }, ' niet goedkeuren.']
          : ['Unfortunately, the organisers cannot approve your registration for ', { strong: d.event.title }, '.']),
      ),
      ...(d.reason ? [p(nl(lang) ? 'Toelichting van de organisatie: ' : 'The organisers explain: ', d.reason)] : []),
      { kind: 'action', text: words[lang].viewRegistration, href: d.personalUrl },
    ],
  },
  cancelled: {
    subject: (d, lang) => (nl(lang) ? `Aanmelding geannuleerd: ${d.event.title}` : `Registration cancelled: ${d.event.title}`),
    body: (d, lang) => [
      p(
        ...(nl(lang)
          ? ['Uw aanmelding voor ', { strong: d.event.title }, ' is geannuleerd. Jammer dat u er niet bij bent.']
          : ['Your registration for ', { strong: d.event.title }, ' has been cancelled. We are sorry you cannot make it.']),
      ),
      ...(d.calendarAttached ? [p(words[lang].invitationCancel)] : []),
      { kind: 'action', text: words[lang].viewRegistration, href: d.personalUrl },
    ],
  },
  event_changed: {
    subject: (d, lang) =>
      d.changes.includes('cancelled')
        ? nl(lang)
          ? `Gaat niet door: ${d.event.title}`
          : `Cancelled: ${d.event.title}`
        : d.changes.includes('reinstated')
          ? nl(lang)
            ? `Gaat toch door: ${d.event.title}`
            : `Going ahead after all: ${d.event.title}`
          : nl(lang)
          ? `Gewijzigd: ${d.event.title}`
          : `Changed: ${d.event.title}`,
    body: (d, lang) => {
      if (d.changes.includes('cancelled'))
        return [
          p(
            ...(nl(lang)
              ? [{ strong: d.event.title }, ' gaat helaas niet door: de organisatie heeft het evenement geannuleerd. Uw aanmelding vervalt daarmee.']
              : [{ strong: d.event.title }, ' will unfortunately not take place: the organisers have cancelled the event. Your registration lapses with it.']),
          ),
          ...(d.calendarAttached ? [p(words[lang].invitationCancel)] : []),
          { kind: 'action', text: words[lang].viewRegistration, href: d.personalUrl },
        ];
      // The event as it is now, for a reinstatement and for any other change.
      const current: Block[] = [
        ...whenAndWhere(d, lang, true),
        ...choicesSection(d, lang),
        ...(d.calendarAttached ? [p(words[lang].invitationUpdate)] : []),
        { kind: 'action', text: words[lang].viewRegistration, href: d.personalUrl },
      ];
      if (d.changes.includes('reinstated'))
        return [
          p(
            ...(nl(lang)
              ? ['Goed nieuws: ', { strong: d.event.title }, ' gaat toch door. De organisatie heeft de annulering teruggedraaid, en uw aanmelding geldt weer zoals hij was. Hieronder staan de actuele gegevens.']
              : ['Good news: ', { strong: d.event.title }, ' is going ahead after all. The organisers have withdrawn the cancellation, and your registration stands as it was. The current details are below.']),
          ),
          ...current,
        ];
      const what = listWords(
        d.changes.map((c) => words[lang].changeWords[c]),
        lang,
      );
      return [
        p(
          ...(nl(lang)
            ? ['Er is iets gewijzigd aan ', { strong: d.event.title }, `, waarvoor u bent aangemeld${what ? `: ${what}` : ''}. Hieronder staan de actuele gegevens.`]
            : ['Something has changed about ', { strong: d.event.title }, `, which you registered for${what ? `: ${what}` : ''}. The current details are below.`]),
        ),
        ...current,
      ];
    },
  },
};

/** A mail of one kind in one language: subject, plain text and HTML. Pure. */
export function render<K extends MailKind>(kind: K, language: MailLanguage, data: MailDataByKind[K]): RenderedMail {
  if (kind === 'invite') return renderInvite(data as InviteMailData);
  if (kind === 'password_reset') return renderPasswordReset(data as PasswordResetMailData);
  const t = templates[kind as RegistrantMailKind] as unknown as Template<K>;
  // A subject is one line, whatever an organiser typed into a title.
  const subject = oneLine(t.subject(data, language));
  const blocks: Block[] = [
    p(words[language].greeting((data as BaseMailData).name)),
    ...t.body(data, language),
    ...contactSection(data as BaseMailData, language),
    ...signature(data as BaseMailData, language),
  ];
  const footer = words[language].footer((data as BaseMailData).event.title);
  return { subject, text: toText(blocks, footer), html: toHtml(subject, blocks, footer, language) };
}

/** The invitation to a staff account, in Dutch (the back office is Dutch). */
function renderInvite(d: InviteMailData): RenderedMail {
  const subject = oneLine(d.organiser ? `Uitnodiging voor het beheer van ${d.organiser} in bijeen` : 'Uw bijeen instellen');
  const until = `${formatDate(d.expiresAt, 'nl')} om ${time(d.expiresAt, 'nl')} uur`;
  const blocks: Block[] = [
    p('Goedendag,'),
    d.organiser
      ? p(...(d.invitedBy ? [`${d.invitedBy} nodigt u uit`] : ['U bent uitgenodigd']), ' voor het beheer van de evenementen van ', { strong: d.organiser }, ` in bijeen, als ${d.role}.`)
      : p('Met deze link maakt u het eerste account van deze bijeen aan, als ', { strong: d.role }, '.'),
    p(`Kies via de link hieronder uw naam en een wachtwoord. De link werkt één keer, tot ${until}.`),
    { kind: 'action', text: 'Account aanmaken', href: d.url },
    p('Verwachtte u deze uitnodiging niet? Dan kunt u deze e-mail negeren; er gebeurt dan niets.'),
    { kind: 'lines', lines: ['Met vriendelijke groet,', d.organiser ?? 'bijeen'] },
  ];
  const footer = 'U krijgt deze e-mail omdat iemand u heeft uitgenodigd voor bijeen.';
  return { subject, text: toText(blocks, footer), html: toHtml(subject, blocks, footer, 'nl') };
}

/** The password-reset link, in Dutch (the back office is Dutch). */
function renderPasswordReset(d: PasswordResetMailData): RenderedMail {
  const subject = 'Een nieuw wachtwoord voor bijeen';
  const until = `${formatDate(d.expiresAt, 'nl')} om ${time(d.expiresAt, 'nl')} uur`;
  const blocks: Block[] = [
    p(`Beste ${d.name},`),
    p('Iemand heeft gevraagd om een nieuw wachtwoord voor uw account bij ', { strong: d.organiser }, ' in bijeen.'),
    p(`Kies via de link hieronder een nieuw wachtwoord. De link werkt één keer, tot ${until}. Daarna wordt u op elk apparaat uitgelogd.`),
    { kind: 'action', text: 'Nieuw wachtwoord kiezen', href: d.url },
    p('Hebt u dit niet gevraagd? Dan kunt u deze e-mail negeren: uw wachtwoord blijft zoals het is.'),
    { kind: 'lines', lines: ['Met vriendelijke groet,', 'bijeen'] },
  ];
  const footer = 'U krijgt deze e-mail omdat voor uw e-mailadres een nieuw wachtwoord is gevraagd.';
  return { subject, text: toText(blocks, footer), html: toHtml(subject, blocks, footer, 'nl') };
}

function oneLine(s: string): string {
  return s.replace(/[\r\n\t\u2028\u2029]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------
// Blocks → plain text.

function inlineText(parts: Inline[]): string {
  return parts
    .map((part) => {
      if (typeof part === 'string') return part;
      if ('strong' in part) return part.strong;
      const href = part.href.replace(/^mailto:/, '');
      return part.text === href ? href : `${part.text} (${href})`;
    })
    .join('');
}

function toText(blocks: Block[], footer: string): string {
  const out = blocks.map((b) => {
    switch (b.kind) {
      case 'p':
        return inlineText(b.parts);
      case 'h2':
        return `${b.text}\n${'-'.repeat(b.text.length)}`;
      case 'list':
        return b.items.map((item) => item.map((line, i) => `${i === 0 ? '- ' : '  '}${inlineText(line)}`).join('\n')).join('\n');
      case 'action':
        return `${b.text}:\n${b.href}`;
      case 'lines':
        return b.lines.join('\n');
      case 'markdown':
        return b.text;
      case 'checkin':
        return checkinWords(b.code, b.lang).text;
    }
  });
  return `${out.join('\n\n')}\n\n-- \n${footer}\n`;
}

// ---------------------------------------------------------------------------------------
// Blocks → HTML.

export { escapeHtml };

/** Only web and mail links become links; anything else stays text. */
function safeHref(href: string): string | null {
  return /^(https?:\/\/|mailto:)/i.test(href) ? href : null;
}

const LINK = 'color:#0b57d0;text-decoration:underline;';

function inlineHtml(parts: Inline[]): string {
  return parts
    .map((part) => {
      if (typeof part === 'string') return escapeHtml(part);
      if ('strong' in part) return `<strong>${escapeHtml(part.strong)}</strong>`;
      const href = safeHref(part.href);
      return href ? `<a href="${escapeHtml(href)}" style="${LINK}">${escapeHtml(part.text)}</a>` : escapeHtml(part.text);
    })
    .join('');
}

function toHtml(subject: string, blocks: Block[], footer: string, lang: MailLanguage): string {
  const body = blocks
    .map((b) => {
      switch (b.kind) {
        case 'p':
          return `<p style="margin:0 0 16px;">${inlineHtml(b.parts)}</p>`;
        case 'h2':
          return `<h2 style="font-size:20px;line-height:1.3;margin:24px 0 8px;">${escapeHtml(b.text)}</h2>`;
        case 'list':
          return `<ul style="margin:0 0 16px;padding-left:24px;">${b.items
            .map((item) => `<li style="margin:0 0 8px;">${item.map(inlineHtml).join('<br>')}</li>`)
            .join('')}</ul>`;
        case 'action': {
          const href = safeHref(b.href);
          return href
            ? `<p style="margin:24px 0;"><a href="${escapeHtml(href)}" style="${LINK}font-weight:bold;">${escapeHtml(b.text)}</a></p>`
            : `<p style="margin:24px 0;">${escapeHtml(b.text)}</p>`;
        }
        case 'lines':
          return `<p style="margin:24px 0 16px;">${b.lines.map(escapeHtml).join('<br>')}</p>`;
        case 'markdown':
          return b.html;
        case 'checkin': {
          const w = checkinWords(b.code, b.lang);
          const shown = `${b.code.slice(0, 5)}-${b.code.slice(5)}`;
          return (
            `<p style="margin:0 0 8px;">${escapeHtml(w.intro)}</p>` +
            `<p style="margin:0 0 8px;"><img src="cid:${checkinImageCid(b.code)}" width="160" height="160" alt="${escapeHtml(w.alt)}" style="display:block;width:160px;height:160px;border:0;"></p>` +
            `<p style="margin:0 0 16px;">${escapeHtml(w.label)} <strong style="font-family:Consolas,Menlo,monospace;font-size:20px;letter-spacing:2px;">${escapeHtml(shown)}</strong></p>`
          );
        }
      }
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(subject)}</title>
</head>
<body style="margin:0;padding:0;background-color:#ffffff;">
<main style="max-width:600px;margin:0 auto;padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;">
<h1 style="font-size:24px;line-height:1.25;margin:0 0 24px;">${escapeHtml(subject)}</h1>
${body}
<p style="margin:32px 0 0;font-size:14px;color:#4a4a4a;">${escapeHtml(footer)}</p>
</main>
</body>
</html>
`;
}

/** What a mail says about the check-in code, in the reader's language. `code` is unformatted. */
function checkinWords(code: string, lang: MailLanguage) {
  const shown = `${code.slice(0, 5)}-${code.slice(5)}`;
  return nl(lang)
    ? {
        intro: 'Laat bij de balie deze QR-code scannen, of noem uw check-in-code. De QR-code staat ook op uw persoonlijke pagina.',
        alt: `QR-code voor inchecken, code ${shown}`,
        label: 'Uw check-in-code:',
        text: `Laat bij de balie de QR-code op uw persoonlijke pagina scannen, of noem uw check-in-code: ${shown}`,
      }
    : {
        intro: 'Have this QR code scanned at the registration desk, or tell them your check-in code. The QR code is on your personal page too.',
        alt: `QR code for check-in, code ${shown}`,
        label: 'Your check-in code:',
        text: `Have the QR code on your personal page scanned at the registration desk, or tell them your check-in code: ${shown}`,
      };
}
