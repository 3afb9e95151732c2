// Runs every test/unit/**/*.test.ts with node's test runner (Node 20 has no
// glob support in `node --test`, so the files are listed here).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function find(dir) {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    return statSync(full).isDirectory() ? find(full) : entry.endsWith('.test.ts') ? [full] : [];
  });
}

const files = find('test/unit').sort();
const result = spawnSync(process.execPath, ['--test', '--import', 'tsx', ...process.argv.slice(2), ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
