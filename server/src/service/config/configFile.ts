// The configuration file's name, apart from its schema (zod), so that light code (the CLI's cache check) can look for it.
export const CONFIG_FILE = '.agentry.json';
