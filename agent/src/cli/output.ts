// stdout carries only a command's answer; logs go to stderr.

/** Resolves once the text is handed to the OS, so exiting afterwards loses nothing. */
export const writeOut = (text: string): Promise<void> =>
  new Promise((resolve, reject) => process.stdout.write(text, (error) => (error ? reject(error) : resolve())));

/** A message for the person at the terminal that is not the command's answer. */
export const writeErr = (text: string): Promise<void> =>
  new Promise((resolve, reject) => process.stderr.write(text, (error) => (error ? reject(error) : resolve())));

export const toJsonText = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
