// What the language server's bundle holds: every byte of it is read and taken through the
// code cache at each start (bench/README.md, startup).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bundleMetafile, bundleOf } from '../../support/bundle';

/** Bytes in the bundle of each input file of the server's entry. */
async function bundledBytes(): Promise<Map<string, number>> {
  const metafile = await bundleMetafile('server/src/server.ts', 'server-main.js');
  const inputs = metafile.outputs['server-main.js'].inputs;
  return new Map(Object.entries(inputs).map(([file, input]) => [file, input.bytesInOutput]));
}

describe('the server bundle', () => {
  it('keeps no locale of zod but English (a namespace import of zod keeps all of it)', async () => {
    const zod = [...(await bundledBytes())].filter(([file, bytes]) => bytes > 0 && file.includes('node_modules/zod/')).map(([file]) => file);
    assert.ok(
      zod.some((file) => file.endsWith('/locales/en.js')),
      'English messages',
    );
    assert.deepEqual(
      zod.filter((file) => /\/locales\/(?!en\.js|index\.js)/.test(file)),
      [],
    );
  });

  it('copies the exports of vscode-languageserver/node once (each ES module importing a value of a CommonJS module gets its own copy)', async () => {
    const { text } = await bundleOf('server/src/server.ts', 'server-main.js');
    const wrapper = /var (require_\w+) = __commonJS\(\{\s*"node_modules\/vscode-languageserver\/lib\/node\/main\.js"/.exec(text)?.[1];
    assert.ok(wrapper, 'the library is bundled as a CommonJS module');
    assert.equal(text.split(`__toESM(${wrapper}())`).length - 1, 1);
  });
});
