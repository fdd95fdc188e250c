import { describe, expect, it } from 'vitest';
import { REGISTRATION_STATUSES } from '../registration/table';
import { alreadyText, checkinCode, checkinRefusal, CODE_ALPHABET, currentMeeting, formatCode, readCode } from './rules';

describe('the check-in code', () => {
  it('is ten characters of the unambiguous alphabet, the same for the same token', () => {
    const code = checkinCode('een-token');
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(checkinCode('een-token')).toBe(code);
    expect(CODE_ALPHABET).not.toMatch(/[ILOU]/);
  });

  it('differs per token and does not contain the token', () => {
    const codes = new Set(Array.from({ length: 2000 }, (_, i) => checkinCode(`token-${i}`)));
    expect(codes.size).toBe(2000);
    expect(checkinCode('ABCDEFGHJK')).not.toBe('ABCDEFGHJK');
  });

  it('is shown in two groups of five', () => {
    expect(formatCode('K7QM4XRT9P')).toBe('K7QM4-XRT9P');
  });

  it.each([
    ['K7QM4XRT9P', 'K7QM4XRT9P'],
    ['k7qm4-xrt9p', 'K7QM4XRT9P'],
    [' K7QM4 XRT9P ', 'K7QM4XRT9P'],
    ['O0IL1ABCDE', '00111ABCDE'],
    ['K7QM4-XRT9', null],
    ['K7QM4XRT9PX', null],
    ['Jan Jansen', null],
    // A name can look like a code: the desk then searches names too when no code matches.
    ['Jan de Vries', 'JANDEVR1ES'],
    ['UUUUUUUUUU', null],
    ['', null],
  ])('reads %j as %j', (input, code) => {
    expect(readCode(input)).toBe(code);
  });

  it('reads its own formatted form back', () => {
    const code = checkinCode('nog-een-token');
    expect(readCode(formatCode(code))).toBe(code);
    expect(readCode(formatCode(code).toLowerCase())).toBe(code);
  });
});

describe('who can be checked in', () => {
  it.each(REGISTRATION_STATUSES.map((s) => [s]))('%s', (status) => {
    const refusal = checkinRefusal(status);
    if (status === 'confirmed') expect(refusal).toBeNull();
    else expect(refusal).toMatch(/\.$/);
  });

  it.each([
    ['pending', /goedkeuring/],
    ['waitlisted', /wachtlijst/],
    ['offered', /aangeboden/],
    ['cancelled', /geannuleerd/],
  ] as const)('refuses %s with a clear Dutch reason', (status, text) => {
    expect(checkinRefusal(status)).toMatch(text);
  });

  it('says when someone was checked in before, in Amsterdam time', () => {
    expect(alreadyText(new Date('2030-03-06T12:02:00Z'))).toBe('al aangemeld om 13:02');
  });
});

describe('the meeting the desk opens at', () => {
  const m = (id: string, start: string, end: string) => ({ id, startsAt: new Date(start), endsAt: new Date(end) });
  const course = [
    m('een', '2030-03-06T13:00:00Z', '2030-03-06T16:00:00Z'),
    m('twee', '2030-04-03T13:00:00Z', '2030-04-03T16:00:00Z'),
    m('drie', '2030-05-01T13:00:00Z', '2030-05-01T16:00:00Z'),
  ];
  it.each([
    ['long before: the first', '2030-01-01T10:00:00Z', 'een'],
    ['an hour before the start: that one', '2030-04-03T12:00:00Z', 'twee'],
    ['during the second: the second', '2030-04-03T15:59:00Z', 'twee'],
    ['between two: the next', '2030-04-10T10:00:00Z', 'drie'],
    ['after all: the last', '2031-01-01T10:00:00Z', 'drie'],
  ])('%s', (_, now, id) => {
    expect(currentMeeting([...course].reverse(), new Date(now))?.id).toBe(id);
  });
  it('is none for an event without meetings', () => {
    expect(currentMeeting([], new Date())).toBeNull();
  });
});
