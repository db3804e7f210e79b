/** What a learner typed could not be made into bytes; `position` is the index where it went wrong. */
export class PayloadError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = 'PayloadError';
  }
}
