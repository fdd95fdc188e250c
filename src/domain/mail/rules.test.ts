import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { messageBody } from './markdown';
import { render } from './templates';
import {
  deliveryCounts,
  messageIdFromKey,
  messageProblems,
  oneLineSubject,
  parseRecipientGroup,
  recipientGroupLabel,
  recipientGroupOf,
  selectRecipients,
  workshopRounds,
  type RecipientGroup,
  type RecipientGroupRow,
} from './rules';

const doc = {
  programme: [
    { key: 'inloop', kind: 'item', title: 'Inloop' },
    { key: 'ronde-1', kind: 'round', title: 'Ronde 1' },
    { key: 'ronde-2', kind: 'round', title: 'Ronde 2' },
  ],
  workshops: [
    { key: 'abcd', title: 'ABCD in de wijk', rounds: ['ronde-1', 'ronde-2'] },
    { key: 'geld', title: 'Zeggenschap door geld', rounds: ['ronde-1'] },
  ],
};

const seat = (round: string, workshop: string, status = 'confirmed') => ({ roundKey: round, workshopKey: workshop, status });
const rows: RecipientGroupRow[] = [
  { id: 'bevestigd-abcd-1', status: 'confirmed', choices: [seat('ronde-1', 'abcd'), seat('ronde-2', 'abcd')] },
  { id: 'bevestigd-geld', status: 'confirmed', choices: [seat('ronde-1', 'geld'), seat('ronde-2', 'abcd', 'waitlisted')] },
  { id: 'wachtlijst', status: 'waitlisted', choices: [seat('ronde-1', 'abcd', 'waitlisted')] },
  { id: 'goedkeuring', status: 'pending', choices: [seat('ronde-1', 'abcd', 'pending')] },
  { id: 'aangeboden', status: 'offered', choices: [] },
  { id: 'geannuleerd', status: 'cancelled', choices: [seat('ronde-1', 'abcd', 'cancelled')] },
  { id: 'afgewezen', status: 'refused', choices: [] },
  { id: 'verlopen', status: 'expired', choices: [] },
];

describe('message rules', () => {
  it.each<[string, RecipientGroup, string[]]>([
    ['all confirmed', { kind: 'confirmed' }, ['bevestigd-abcd-1', 'bevestigd-geld']],
    ['everyone with a place or waiting', { kind: 'active' }, ['bevestigd-abcd-1', 'bevestigd-geld', 'wachtlijst', 'goedkeuring', 'aangeboden']],
    ['the waiting list', { kind: 'waitlisted' }, ['wachtlijst']],
    ['awaiting approval', { kind: 'pending' }, ['goedkeuring']],
    ['the confirmed of ABCD in round 1 (not its waiting list, pending or cancelled)', { kind: 'workshop', round: 'ronde-1', workshop: 'abcd' }, ['bevestigd-abcd-1']],
    ['the confirmed of ABCD in round 2 (a waiting seat is not a seat)', { kind: 'workshop', round: 'ronde-2', workshop: 'abcd' }, ['bevestigd-abcd-1']],
    ['the confirmed of Geld in round 1', { kind: 'workshop', round: 'ronde-1', workshop: 'geld' }, ['bevestigd-geld']],
    ['a workshop in a round it does not run in', { kind: 'workshop', round: 'ronde-2', workshop: 'geld' }, []],
  ])('%s', (_, group, ids) => {
    expect(selectRecipients(group, rows).map((r) => r.id)).toEqual(ids);
  });

  it.each<[string | undefined, string | undefined, RecipientGroup | null]>([
    ['confirmed', undefined, { kind: 'confirmed' }],
    ['active', 'ronde-1/abcd', { kind: 'active' }],
    ['workshop', 'ronde-1/abcd', { kind: 'workshop', round: 'ronde-1', workshop: 'abcd' }],
    ['workshop', '', { kind: 'workshop', round: '', workshop: '' }],
    ['workshop', 'a/b/c', { kind: 'workshop', round: '', workshop: '' }],
    ['iedereen', undefined, null],
    [undefined, undefined, null],
  ])('reads the group %s with workshop %s', (kind, workshop, group) => {
    expect(parseRecipientGroup(kind, workshop)).toEqual(group);
  });

  it('reads a stored group back, and refuses an unreadable one', () => {
    expect(recipientGroupOf({ kind: 'workshop', round: 'ronde-1', workshop: 'abcd' })).toEqual({ kind: 'workshop', round: 'ronde-1', workshop: 'abcd' });
    expect(recipientGroupOf({ kind: 'waitlisted' })).toEqual({ kind: 'waitlisted' });
    expect(recipientGroupOf({ kind: 'workshop' })).toBeNull();
    expect(recipientGroupOf({})).toBeNull();
  });

  it('names the groups in Dutch, a workshop with its round', () => {
    expect(recipientGroupLabel({ kind: 'workshop', round: 'ronde-2', workshop: 'abcd' }, doc)).toBe('De bevestigde deelnemers van ABCD in de wijk (Ronde 2)');
    expect(recipientGroupLabel({ kind: 'waitlisted' }, doc)).toBe('De wachtlijst');
    expect(workshopRounds(doc).map((w) => w.value)).toEqual(['ronde-1/abcd', 'ronde-1/geld', 'ronde-2/abcd']);
  });

  it.each<[string, Parameters<typeof messageProblems>[0], string[]]>([
    ['a good message', { recipientGroup: { kind: 'confirmed' }, subject: 'Praktische informatie', body: 'Neem een pen mee.' }, []],
    ['no group', { recipientGroup: null, subject: 'x', body: 'y' }, ['group']],
    ['an unknown workshop', { recipientGroup: { kind: 'workshop', round: 'ronde-2', workshop: 'geld' }, subject: 'x', body: 'y' }, ['workshop']],
    ['an empty subject and text', { recipientGroup: { kind: 'confirmed' }, subject: ' \n ', body: '   ' }, ['subject', 'body']],
    ['a subject too long', { recipientGroup: { kind: 'confirmed' }, subject: 'x'.repeat(201), body: 'y' }, ['subject']],
    ['a text too long', { recipientGroup: { kind: 'confirmed' }, subject: 'x', body: 'y'.repeat(20_001) }, ['body']],
  ])('checks %s', (_, input, fields) => {
    expect(messageProblems(input, doc).map((p) => p.path)).toEqual(fields);
  });

  it('makes a subject one line', () => {
    expect(oneLineSubject('  Eerste\r\nregel \t en  meer ')).toBe('Eerste regel en meer');
  });

  it('counts deliveries: queued and sending both wait', () => {
    expect(deliveryCounts([{ status: 'queued', n: 2 }, { status: 'sending', n: 1 }, { status: 'sent', n: 5 }, { status: 'failed', n: 1 }])).toEqual({ verzonden: 5, wacht: 3, mislukt: 1 });
  });

  it('derives one message id per event and key, as a UUID', () => {
    const hash = (s: string) => createHash('sha256').update(s).digest('hex');
    const a = messageIdFromKey('e1', 'k1', hash);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(messageIdFromKey('e1', 'k1', hash)).toBe(a);
    expect(messageIdFromKey('e2', 'k1', hash)).not.toBe(a);
    expect(messageIdFromKey('e1', 'k2', hash)).not.toBe(a);
  });
});

describe("an organiser's Markdown in a mail", () => {
  it('renders emphasis, lists and links to HTML with inline styles, and to text', () => {
    const m = messageBody('# Praktisch\n\nNeem **een pen** mee.\n\n- Parkeren: [P-Zuid](https://example.org/p)\n- Lunch om 12:30\n');
    expect(m.html).toContain('<h2 style=');
    expect(m.html).toContain('<strong>een pen</strong>');
    expect(m.html).toContain('<a href="https://example.org/p" style="color:#0b57d0;text-decoration:underline">P-Zuid</a>');
    expect(m.text).toBe('Praktisch\n---------\n\nNeem een pen mee.\n\n- Parkeren: P-Zuid (https://example.org/p)\n- Lunch om 12:30');
  });

  it.each([
    ['<script>alert(1)</script>Hallo', '<script'],
    ['[klik](javascript:alert(1))', 'javascript:'],
    ['<img src="https://tracker.example/x.png" onerror="alert(1)">', '<img'],
    ['<p style="background:url(https://tracker.example/x)">Hallo</p>', 'tracker.example'],
    ['<iframe src="https://example.org"></iframe>', '<iframe'],
  ])('drops what could run or call home: %s', (source, bad) => {
    const m = messageBody(source);
    expect(m.html).not.toContain(bad);
    expect(m.text).not.toContain('<script');
  });

  it('keeps characters in the text part as typed', () => {
    expect(messageBody('Koffie & thee <vooraf>').text).toBe('Koffie & thee');
    expect(messageBody('Koffie & thee, 5 > 3').text).toBe('Koffie & thee, 5 > 3');
  });
});

describe('the message mail', () => {
  const data = {
    name: 'Anna de Vries',
    event: { title: 'Dag van de Buurt', url: 'https://bijeen.test/evenementen/dag', organiser: 'Platform31', contact: { name: 'Fictief Contact', email: 'contact@example.org', phone: null }, meetings: [] },
    personalUrl: 'https://bijeen.test/aanmelding/abc123',
    choices: [],
    calendarAttached: false,
    subject: 'Praktische\ninformatie',
    body: 'Neem **een pen** mee.',
  };
  it.each([
    ['nl', 'Beste Anna de Vries,', 'Uw aanmelding bekijken', 'Met vriendelijke groet,'],
    ['en', 'Dear Anna de Vries,', 'View your registration', 'Kind regards,'],
  ] as const)("frames the organiser's text in %s: greeting, personal link, contact, signature", (lang, greeting, link, regards) => {
    const m = render('message', lang, data);
    expect(m.subject).toBe('Praktische informatie');
    for (const part of [m.text, greeting, link, regards]) expect(m.text).toContain(part);
    expect(m.text).toContain('Neem een pen mee.');
    expect(m.text).toContain('https://bijeen.test/aanmelding/abc123');
    expect(m.html).toContain('<strong>een pen</strong>');
    expect(m.html).toContain('href="https://bijeen.test/aanmelding/abc123"');
    expect(m.html).toContain(`<html lang="${lang}">`);
    expect(m.text).toContain('contact@example.org');
  });
});
