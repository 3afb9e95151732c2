// Agentry: New Agent… — asks for a name and a description and creates
// .claude/agents/<name>.md in the first workspace folder from the skeleton.
import { Uri, window, workspace, WorkspaceEdit, type WorkspaceFolder } from 'vscode';
import { agentNameProblem, agentSkeleton } from '../../../server/src/service/text/agentSkeleton';

export async function newAgent(): Promise<void> {
  const folder = workspace.workspaceFolders?.[0];
  if (!folder) {
    void window.showErrorMessage('Agentry: open a folder first. New agents go to its .claude/agents/ folder.');
    return;
  }
  const name = await window.showInputBox({
    title: 'New Agent (1/2): name',
    prompt: 'Lowercase letters, digits and hyphens. Claude Code invokes the agent by this name; it is also the file name.',
    placeHolder: 'code-reviewer',
    ignoreFocusOut: true,
    validateInput: async (value) => agentNameProblem(value) ?? ((await exists(agentUri(folder, value))) ? `${relative(agentUri(folder, value))} already exists.` : undefined),
  });
  if (name === undefined) return;
  const description = await window.showInputBox({
    title: 'New Agent (2/2): description',
    prompt: 'When Claude should delegate to this agent. Claude Code ignores agents without a description.',
    placeHolder: 'Use this agent when … Use PROACTIVELY after …',
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : 'A description is required.'),
  });
  if (description === undefined) return;

  const uri = agentUri(folder, name);
  const edit = new WorkspaceEdit();
  // overwrite: false and ignoreIfExists: false make the edit fail rather than
  // replace a file created since the name was checked.
  edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(agentSkeleton(name, description)) });
  if (!(await workspace.applyEdit(edit))) {
    void window.showErrorMessage(`Agentry: could not create ${relative(uri)}${(await exists(uri)) ? ': it already exists' : ''}.`);
    return;
  }
  await window.showTextDocument(uri, { preview: false });
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
