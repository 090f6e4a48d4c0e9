/** A bad environment value: the message names the variable and what it expects, and the process stops. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    expectation: string,
  ) {
    super(`Invalid configuration: ${variable} ${expectation}`);
    this.name = 'ConfigError';
  }
}
