// The allow-list: disagreements that are known and explained. Each entry names a file (or a
// folder prefix ending in "/"), a category, and why the disagreement is accepted.
import { readFileSync, existsSync } from 'node:fs';
import { z } from 'zod';
import { CATEGORIES, type Category, type Disagreement } from './compare.js';

const entrySchema = z
  .object({
    file: z.string().min(1),
    category: z.enum(CATEGORIES as [Category, ...Category[]]),
    reason: z.string().trim().min(10, 'say why the disagreement is accepted'),
  })
  .strict();
export const allowListSchema = z.array(entrySchema);
export type AllowEntry = z.infer<typeof entrySchema>;

export function parseAllowList(text: string, source = 'allow.json'): AllowEntry[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source}: not JSON: ${(error as Error).message}`);
  }
  const parsed = allowListSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${source}: ${parsed.error.issues.map((issue) => `[${issue.path.join('.')}] ${issue.message}`).join('; ')}`);
  return parsed.data;
}

export function readAllowList(path: string): AllowEntry[] {
  return existsSync(path) ? parseAllowList(readFileSync(path, 'utf8'), path) : [];
}

function matches(entry: AllowEntry, disagreement: Disagreement): boolean {
  if (entry.category !== disagreement.category) return false;
  return entry.file.endsWith('/') ? disagreement.id.startsWith(entry.file) : disagreement.id === entry.file;
}

/** Splits disagreements into allowed (with the entry's reason) and not; lists entries nothing matched. */
export function applyAllowList(
  disagreements: Disagreement[],
  entries: AllowEntry[],
): {
  allowed: (Disagreement & { reason: string })[];
  unexplained: Disagreement[];
  unused: AllowEntry[];
} {
  const used = new Set<AllowEntry>();
  const allowed: (Disagreement & { reason: string })[] = [];
  const unexplained: Disagreement[] = [];
  for (const disagreement of disagreements) {
    const entry = entries.find((candidate) => matches(candidate, disagreement));
    if (entry) {
      used.add(entry);
      allowed.push({ ...disagreement, reason: entry.reason });
    } else unexplained.push(disagreement);
  }
  return { allowed, unexplained, unused: entries.filter((entry) => !used.has(entry)) };
}
