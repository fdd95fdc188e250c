/** Time comes in from the edge, so rules and tests can fix it. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
