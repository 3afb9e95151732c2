// Where the workspace reports what it could not read: the server's console, a test's list.
export interface Logger {
  error(message: string): void;
}
