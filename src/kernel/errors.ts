/**
 * The one error type of the domain. Expected outcomes (waitlisted, full, …) are values,
 * not errors; a DomainError is a request the domain refuses. `src/app.ts` maps the code
 * to an HTTP status in one place.
 */
export type DomainErrorCode =
  | 'not_found'
  | 'invalid'
  | 'conflict'
  | 'unauthorized'
  | 'forbidden';

export interface FieldProblem {
  /** Field path as a dotted string, e.g. `workshops.3.rounds.0`. */
  path: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly problems: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const httpStatusOf: Record<DomainErrorCode, 400 | 401 | 403 | 404 | 409> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
};
