import { describe, expect, it } from 'vitest';
import { mailKinds } from './table';
import { CHECKIN_IMAGE, escapeHtml, render, type BaseMailData, type MailDataByKind, type RegistrantMailKind } from './templates';

const base: BaseMailData = {
  name: 'Anna de Vries',
  event: {
    title: 'Dag van de Buurt',
    url: 'https://bijeen.test/evenementen/dag-van-de-buurt',
    organiser: 'Platform31',
    contact: { name: 'Fictief Contact', email: 'contact@example.org', phone: '070-0000000' },
    meetings: [
      {
        title: null,
        startsAt: new Date('2021-01-28T14:00:00+01:00'),
        endsAt: new Date('2021-01-28T17:00:00+01:00'),
        place: 'Stadhuis, Spui 70, 2511 BT Den Haag',
        online: true,
        joinUrl: 'https://meet.example.org/dag',
      },
    ],
  },
  personalUrl: 'https://bijeen.test/aanmelding/abc123',
  choices: [
    { round: 'Ronde 1', startsAt: new Date('2021-01-28T14:30:00+01:00'), endsAt: new Date('2021-01-28T15:15:00+01:00'), workshop: 'ABCD in de wijk', status: 'confirmed', position: null },
    { round: 'Ronde 2', startsAt: new Date('2021-01-28T15:30:00+01:00'), endsAt: new Date('2021-01-28T16:15:00+01:00'), workshop: 'Zeggenschap door geld', status: 'waitlisted', position: 2 },
  ],
  calendarAttached: true,
};

const dataFor: { [K in RegistrantMailKind]: MailDataByKind[K] } = {
  confirmation: base,
  waitlisted: { ...base, position: 3 },
  pending: base,
  offer: { ...base, expiresAt: new Date('2021-01-20T12:00:00+01:00') },
  offer_expired: base,
  refused: { ...base, reason: 'De bijeenkomst is alleen voor gemeenten.' },
  cancelled: base,
  event_changed: { ...base, changes: ['dates', 'venue'] },
  message: { ...base, choices: [], calendarAttached: false, subject: 'Praktische informatie: Dag van de Buurt', body: 'Neem **een pen** mee.' },
};

const registrantKinds = mailKinds.filter((k): k is RegistrantMailKind => k !== 'invite' && k !== 'password_reset');
const mail = <K extends RegistrantMailKind>(kind: K, lang: 'nl' | 'en', data: MailDataByKind[K] = dataFor[kind] as MailDataByKind[K]) => render(kind, lang, data);

describe('mail templates', () => {
  it.each([
    ['Platform31', 'Fictieve Beheerder', 'Uitnodiging voor het beheer van Platform31 in bijeen', 'Fictieve Beheerder nodigt u uit'],
    [null, null, 'Uw bijeen instellen', 'het eerste account van deze bijeen'],
  ])('renders the staff invitation of %s with its one-time link and deadline', (organiser, invitedBy, subject, says) => {
    const m = render('invite', 'nl', { organiser, invitedBy, role: 'Redacteur', url: 'https://bijeen.test/beheer/uitnodiging/abc', expiresAt: new Date('2026-11-29T12:00:00+01:00') });
    expect(m.subject).toBe(subject);
    expect(m.text).toContain(says);
    expect(m.text).toContain('https://bijeen.test/beheer/uitnodiging/abc');
    expect(m.text).toContain('zondag 29 november 2026 om 12:00 uur');
    expect(m.html).toContain('href="https://bijeen.test/beheer/uitnodiging/abc"');
    expect(m.html).toContain('<html lang="nl">');
  });

  it('renders the password-reset link with its one-hour deadline and says what to do when it was not asked for', () => {
    const m = render('password_reset', 'nl', { name: 'Fictieve Beheerder', organiser: 'Platform31', url: 'https://bijeen.test/beheer/wachtwoord-herstellen/abc', expiresAt: new Date('2026-11-29T13:00:00+01:00') });
    expect(m.subject).toBe('Een nieuw wachtwoord voor bijeen');
    expect(m.text).toContain('Beste Fictieve Beheerder,');
    expect(m.text).toContain('Platform31');
    expect(m.text).toContain('https://bijeen.test/beheer/wachtwoord-herstellen/abc');
    expect(m.text).toContain('tot zondag 29 november 2026 om 13:00 uur');
    expect(m.text).toContain('Hebt u dit niet gevraagd?');
    expect(m.html).toContain('href="https://bijeen.test/beheer/wachtwoord-herstellen/abc"');
  });


  it.each(registrantKinds.flatMap((kind) => (['nl', 'en'] as const).map((lang) => [kind, lang] as const)))(
    'renders %s in %s with the event title in subject, text and HTML, and the personal link',
    (kind, lang) => {
      const m = mail(kind, lang);
      expect(m.subject).toContain('Dag van de Buurt');
      expect(m.text).toContain('Dag van de Buurt');
      expect(m.html).toContain('Dag van de Buurt');
      expect(m.text).toContain('https://bijeen.test/aanmelding/abc123');
      expect(m.html).toContain('href="https://bijeen.test/aanmelding/abc123"');
      expect(m.html).toContain(`<html lang="${lang}">`);
      expect(m.html).toMatch(/<h1[^>]*>/);
      expect(m.text).toContain(lang === 'nl' ? 'Beste Anna de Vries,' : 'Dear Anna de Vries,');
    },
  );

  it.each([
    ['nl', 'Aanmelding bevestigd: Dag van de Buurt', 'donderdag 28 januari 2021, 14:00–17:00 uur', 'Ronde 1 (14:30–15:15 uur): ABCD in de wijk', 'Met vriendelijke groet,'],
    ['en', 'Registration confirmed: Dag van de Buurt', 'Thursday 28 January 2021, 14:00–17:00', 'Ronde 1 (14:30–15:15): ABCD in de wijk', 'Kind regards,'],
  ] as const)('writes a confirmation in %s: date in Amsterdam time, the workshop per round, signed by the organiser', (lang, subject, date, round1, regards) => {
    const m = mail('confirmation', lang);
    expect(m.subject).toBe(subject);
    for (const part of [m.text, m.html]) {
      expect(part).toContain(date);
      expect(part).toContain('Stadhuis, Spui 70, 2511 BT Den Haag');
      expect(part).toContain('Platform31');
    }
    expect(m.text).toContain(`- ${round1}`);
    expect(m.text).toContain(lang === 'nl' ? 'Zeggenschap door geld (op de wachtlijst, plaats 2)' : 'Zeggenschap door geld (on the waiting list, position 2)');
    expect(m.text).toContain(regards);
    expect(m.html).toContain(lang === 'nl' ? '<h2 style="font-size:20px;line-height:1.3;margin:24px 0 8px;">Uw keuzes</h2>' : '>Your workshops</h2>');
    expect(m.text).toContain(lang === 'nl' ? 'agenda-uitnodiging' : 'calendar invitation');
  });

  it.each([
    ['nl', 'Inchecken', 'Uw check-in-code:', 'QR-code voor inchecken, code K7QM4-XRT9P', 'noem uw check-in-code: K7QM4-XRT9P'],
    ['en', 'Check-in', 'Your check-in code:', 'QR code for check-in, code K7QM4-XRT9P', 'tell them your check-in code: K7QM4-XRT9P'],
  ] as const)('gives the check-in code in a %s confirmation: a QR image by Content-ID and the code as text', (lang, heading, label, alt, text) => {
    const m = mail('confirmation', lang, { ...base, checkinCode: 'K7QM4XRT9P' });
    expect(m.html).toContain(`>${heading}</h2>`);
    expect(m.html).toContain(`<img src="cid:checkin-K7QM4XRT9P@bijeen" width="160" height="160" alt="${alt}"`);
    expect(m.html).toContain(`${label} <strong`);
    expect(m.html).not.toContain('data:');
    expect(m.text).toContain(text);
    expect(CHECKIN_IMAGE.exec(m.html)?.[1]).toBe('K7QM4XRT9P');
  });

  it('gives no check-in code without one, nor in other mails', () => {
    expect(mail('confirmation', 'nl').html).not.toContain('cid:');
    expect(CHECKIN_IMAGE.exec(mail('waitlisted', 'nl', { ...base, position: 1, checkinCode: 'K7QM4XRT9P' }).html)).toBeNull();
    // A title cannot smuggle in an image reference: it is escaped.
    expect(CHECKIN_IMAGE.exec(mail('confirmation', 'nl', { ...base, event: { ...base.event, title: '<img src="cid:checkin-K7QM4XRT9P@bijeen"' } }).html)).toBeNull();
  });

  it('gives the join link of an online meeting in a confirmation only', () => {
    expect(mail('confirmation', 'nl').html).toContain('href="https://meet.example.org/dag"');
    expect(mail('confirmation', 'nl').text).toContain('Online: Link om deel te nemen (https://meet.example.org/dag)');
    for (const kind of ['waitlisted', 'pending', 'offer'] as const) {
      expect(mail(kind, 'nl').text).not.toContain('meet.example.org');
      expect(mail(kind, 'nl').text).toContain('Online');
    }
  });

  it.each([
    ['waitlisted', 'nl', 'U staat op de wachtlijst, op plaats 3.'],
    ['waitlisted', 'en', 'You are on the waiting list, at position 3.'],
    ['pending', 'nl', 'De organisatie beoordeelt de aanmeldingen'],
    ['offer', 'nl', 'woensdag 20 januari 2021 om 12:00 uur'],
    ['offer', 'en', '12:00 on Wednesday 20 January 2021'],
    ['offer_expired', 'nl', 'Het aanbod is daarom verlopen.'],
    ['refused', 'nl', 'Toelichting van de organisatie: De bijeenkomst is alleen voor gemeenten.'],
    ['refused', 'en', 'The organisers explain: De bijeenkomst is alleen voor gemeenten.'],
    ['cancelled', 'nl', 'Met de bijlage haalt u de bijeenkomst uit uw agenda.'],
    ['event_changed', 'nl', 'waarvoor u bent aangemeld: de datum of tijd en de locatie.'],
    ['event_changed', 'en', 'which you registered for: the date or time and the venue.'],
  ] as const)('says what a %s mail in %s is about: "%s"', (kind, lang, sentence) => {
    const m = mail(kind, lang);
    expect(m.text).toContain(sentence);
    expect(m.html).toContain(escapeHtml(sentence));
  });

  it('announces a cancelled event in the subject and leaves out the choices', () => {
    const m = mail('event_changed', 'nl', { ...base, changes: ['cancelled'] });
    expect(m.subject).toBe('Gaat niet door: Dag van de Buurt');
    expect(m.text).toContain('gaat helaas niet door');
    expect(m.text).not.toContain('Uw keuzes');
  });

  it('lists each meeting of a course with its own title and date', () => {
    const course = {
      ...base,
      event: {
        ...base.event,
        meetings: [
          { title: 'Kennismaking', startsAt: new Date('2030-09-10T13:00:00+02:00'), endsAt: new Date('2030-09-10T17:00:00+02:00'), place: 'Utrecht', online: false, joinUrl: null },
          { title: 'Verdieping', startsAt: new Date('2030-10-08T13:00:00+02:00'), endsAt: new Date('2030-10-08T17:00:00+02:00'), place: 'Utrecht', online: false, joinUrl: null },
        ],
      },
      choices: [],
    };
    const m = mail('confirmation', 'nl', course);
    expect(m.text).toContain('- Bijeenkomst 1: Kennismaking\n  dinsdag 10 september 2030, 13:00–17:00 uur\n  Utrecht');
    expect(m.text).toContain('- Bijeenkomst 2: Verdieping\n  dinsdag 8 oktober 2030, 13:00–17:00 uur');
  });

  it('escapes names and titles in the HTML, and keeps the subject on one line', () => {
    const evil = {
      ...base,
      name: '<script>alert("x")</script>',
      event: { ...base.event, title: 'Dag & "nacht"\r\nBcc: iemand@example.org', organiser: '<b>Org</b>' },
      choices: [{ ...base.choices[0]!, workshop: '<img src=x onerror=alert(1)>' }],
    };
    const m = mail('confirmation', 'nl', evil);
    expect(m.html).not.toContain('<script>');
    expect(m.html).not.toContain('<img');
    expect(m.html).not.toContain('<b>Org');
    expect(m.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(m.html).toContain('Dag &amp; &quot;nacht&quot;');
    expect(m.subject).toBe('Aanmelding bevestigd: Dag & "nacht" Bcc: iemand@example.org');
    expect(m.text).toContain('Beste <script>alert("x")</script>,');
  });

  it('makes links only of web and mail addresses', () => {
    const m = mail('confirmation', 'nl', { ...base, personalUrl: 'javascript:alert(1)' });
    expect(m.html).not.toContain('href="javascript:');
    expect(m.html).toContain('href="mailto:contact@example.org"');
  });
});
