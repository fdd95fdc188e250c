import { createHash } from 'node:crypto';
import type { RegistrationStatus } from '../registration/table';
import { formatTimeNl } from '../../kernel/dates';

/*
 * Check-in (aanwezigheid), pure: the check-in code of a registration, reading what a
 * person or a scanner typed, who may be checked in, and which meeting the desk (balie)
 * starts at. No I/O. See docs/decisions/015-check-in.md.
 */

/**
 * Crockford's base 32: digits and capitals without I, L, O and U, so a code read aloud
 * or typed from a badge has no 1/I/L or 0/O to confuse.
 */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 10 characters: 50 bits. */
export const CODE_LENGTH = 10;

const CODE = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/**
 * A registration's check-in code: derived one way from its personal-link token, so it is
 * stable, needs no column and no backfill, and cannot be turned back into the token. The
 * code on a badge or in a QR code lets the desk find someone; it never lets anyone see or
 * change the registration (the personal link does that).
 */
export function checkinCode(token: string): string {
  const digest = createHash('sha256').update(`bijeen-checkin:${token}`).digest();
  // The first 50 bits, 5 at a time.
  let bits = 0n;
  for (let i = 0; i < 7; i++) bits = (bits << 8n) | BigInt(digest[i]!);
  bits >>= 6n; // 56 → 50 bits
  let code = '';
  for (let i = CODE_LENGTH - 1; i >= 0; i--) code += CODE_ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return code;
}

/** "K7QM4-XRT9P": two groups of five, for people to read and type. */
export function formatCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/**
 * What was typed or scanned, as a code: case, spaces and dashes ignored, and the letters
 * people mistake for digits read as those digits (O → 0, I and L → 1). Null when it is not
 * a code (then it is a name to search for). A name can look like a code ("Jan de Vries"
 * reads as JANDEVR1ES): when no registration has it, the desk searches names as well.
 */
export function readCode(input: string): string | null {
  const s = input
    .toUpperCase()
    .replace(/[\s\-_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return CODE.test(s) ? s : null;
}

/** Why a registration cannot be checked in, in Dutch; null when it can (only confirmed ones). */
export function checkinRefusal(status: RegistrationStatus): string | null {
  switch (status) {
    case 'confirmed':
      return null;
    case 'pending':
      return 'Deze aanmelding wacht nog op goedkeuring; inchecken kan pas als ze is goedgekeurd.';
    case 'waitlisted':
      return 'Deze persoon staat op de wachtlijst en heeft (nog) geen plaats.';
    case 'offered':
      return 'Aan deze persoon is een plaats aangeboden, maar die is nog niet geaccepteerd. Dat kan via de persoonlijke link.';
    case 'refused':
      return 'Deze aanmelding is afgewezen.';
    case 'cancelled':
      return 'Deze aanmelding is geannuleerd.';
    case 'expired':
      return 'Het aanbod aan deze persoon is verlopen; er is geen plaats.';
  }
}

/** "al aangemeld om 13:02" (Europe/Amsterdam). */
export function alreadyText(at: Date): string {
  return `al aangemeld om ${formatTimeNl(at)}`;
}

export interface MeetingSpan {
  id: string;
  startsAt: Date;
  endsAt: Date;
}

/**
 * The meeting the desk opens at: the one going on now (from an hour before its start, when
 * people arrive), else the next one, else the last one (all are past).
 */
export function currentMeeting<M extends MeetingSpan>(meetings: M[], now: Date): M | null {
  if (meetings.length === 0) return null;
  const sorted = [...meetings].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const t = now.getTime();
  const early = 60 * 60 * 1000;
  const running = sorted.find((m) => m.startsAt.getTime() - early <= t && t < m.endsAt.getTime());
  if (running) return running;
  return sorted.find((m) => m.startsAt.getTime() > t) ?? sorted[sorted.length - 1]!;
}
