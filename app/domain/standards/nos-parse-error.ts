// The error thrown when a text cannot be read as a National Occupational Standard.
export class NosParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NosParseError';
  }
}
