// A text written as its lines, so a test's input reads line by line as the file would.
export const joinLines = (...lines: string[]): string => lines.join('\n');
