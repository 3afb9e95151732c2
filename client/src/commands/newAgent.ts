// Agentry: New Agent… — asks for a name, creates .claude/agents/<name>.md in the first
// workspace folder from the skeleton, and opens it with the skeleton as a snippet: Tab goes
// from the name to the description, the tools, the model and on.
import { Range, SnippetString, Uri, window, workspace, WorkspaceEdit, type WorkspaceFolder } from 'vscode';
import { agentNameProblem, agentSkeleton, agentSkeletonSnippet } from '../../../server/src/service/text/agentSkeleton';

export async function newAgent(): Promise<void> {
  const folder = workspace.workspaceFolders?.[0];
  if (!folder) {
    void window.showErrorMessage('Agentry: open a folder first. New agents go to its .claude/agents/ folder.');
    return;
  }
  const name = await window.showInputBox({
    title: 'New Agent: name',
    prompt: 'Lowercase letters, digits and hyphens. Claude Code invokes the agent by this name; it is also the file name.',
    placeHolder: 'code-reviewer',
    ignoreFocusOut: true,
    validateInput: async (value) => agentNameProblem(value) ?? ((await exists(agentUri(folder, value))) ? `${relative(agentUri(folder, value))} already exists.` : undefined),
  });
  if (name === undefined) return;

  const uri = agentUri(folder, name);
  const edit = new WorkspaceEdit();
  // overwrite: false and ignoreIfExists: false make the edit fail rather than
  // replace a file created since the name was checked. On disk it is the plain
  // skeleton, a valid agent, until the user saves what they type.
  edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(agentSkeleton(name)) });
  if (!(await workspace.applyEdit(edit))) {
    void window.showErrorMessage(`Agentry: could not create ${relative(uri)}${(await exists(uri)) ? ': it already exists' : ''}.`);
    return;
  }
  const editor = await window.showTextDocument(uri, { preview: false });
  // The same text again, as a snippet: its tab stops are what the user fills in.
  await editor.insertSnippet(new SnippetString(agentSkeletonSnippet()), editor.document.validateRange(new Range(0, 0, editor.document.lineCount, 0)));
}

function agentUri(folder: WorkspaceFolder, name: string): Uri {
  return Uri.joinPath(folder.uri, '.claude', 'agents', `${name}.md`);
}

async function exists(uri: Uri): Promise<boolean> {
  try {
    await workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function relative(uri: Uri): string {
  return workspace.asRelativePath(uri, false);
}
