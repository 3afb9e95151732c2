import * as cs from './lib/code-server.ts';
import fs from 'node:fs';
const server = await cs.startCodeServer({ settings: { 'markdown.validate.enabled': true } });
const ui = await cs.launchBrowser();
try {
  await cs.openWorkbench(ui.page, server, '/tmp/e2e-explore/ws');
  await cs.openFileFromExplorer(ui.page, 'docs/notes.md').catch(e => console.log(String(e).slice(0, 300)));
  await cs.screenshot(ui.page, 'explore-tabs');
  const html = await ui.page.locator('.part.editor').evaluate((e: any) => e.outerHTML);
  fs.writeFileSync('/tmp/e2e-explore/editor.html', html);
} finally { await ui.close(); await server.stop(); }
