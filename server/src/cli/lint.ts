// The linter half of the CLI, built as dist/cli-lint.js: dist/cli.js loads it only when
// there is linting to do, and its worker threads run it too (they then serve lint jobs).
import { serveLintJobs } from './lintThreads';

export { lintProject } from './lintProject';
export { printConfig } from './printConfig';

serveLintJobs();
