// The host side of the workspace: one project per workspace folder, every agent
// file indexed from disk, open documents overriding their file, watched-file
// changes applied, and per-resource settings. Reads the disk; the core never does.
import { promises as fs, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { type FileEvent, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findAgentFilesSync } from './findAgentFiles';
import { loadSkills, readSkill } from './skillFiles';
import { isUserSkill, userHome } from './skillSources';
import { SKILL_FILE, type SkillSummary } from '../service/skills/skillIndex';
import { Revision } from '../service/workspace/revision';
import { IndexCacheSession, type IndexCacheOptions } from './indexCache';
import { parseAgent, type AgentDocument } from '../service';
import { CONFIG_FILE } from '../service/config/config';
import { resolveSettings, type ClientSettings, type Settings } from '../service/config/settings';
import { DiskAgents } from './diskAgents';
import { canonicalUri, pathToUri, readText, uriToPath } from './files';
import type { Logger } from './logger';
import type { ConfigReport } from './projectConfig';
import { applyRulesDocument, createProject, isAgentFile, isAgentPath, loadProjectFiles, readRulesDocument, type Project } from './project';

const MCP_FILE = '.mcp.json';
/** Its `agentry` key can hold the configuration. */
const PACKAGE_JSON = 'package.json';
/** A path skills may be at or under: `.claude`, `.claude/skills`, a skill's folder or its SKILL.md. */
const SKILL_PATH = /\/\.claude(?:\/skills(?:\/[^/]+(?:\/SKILL\.md)?)?)?$/;
/** Files indexed between turns of the event loop. */
const INDEX_BATCH = 32;
/** How many links deep a change is followed (a link to a link to a folder). */
const MAX_LINK_DEPTH = 4;
/** Folders the index never reads (as findAgentFilesSync skips them). */
const SKIPPED_FOLDERS = /\/(?:node_modules|\.git)(?:\/|$)/;

export type SettingsSource = (scopeUri: string | undefined) => Promise<ClientSettings>;

/** An open, enabled agent document and its project (whose service answers for it). */
export interface AgentContext {
  doc: AgentDocument;
  project: Project;
}

export class WorkspaceHost {
  private readonly projects = new Map<string, Project>();
  /** What every project's service reads other agent files and settings through. */
  private readonly agentHost = { readAgent: (uri: string) => this.load(uri), settings: (uri: string) => this.resolvedSettings(uri), revision: new Revision() };
  private readonly loose = createProject(this.agentHost);
  /** Agent files that are not open, parsed once per modification. */
  private readonly disk = new DiskAgents();
  /** Per resource: its settings as they are being asked of the client, and once they came. */
  private readonly settingsCache = new Map<string, Promise<Settings>>();
  private readonly settingsResolved = new Map<string, Settings>();
  private markReady!: () => void;
  /** Resolves once every folder has been indexed for the first time. */
  readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));
  /** Disk work queued by notifications (watched files, configuration, folders, closes), run in order. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Bumps on every change that can alter other files' results: the services bump it for the index, skills and rules document, the host for settings and folders. */
  readonly revision = this.agentHost.revision;
  /** Where folders' index caches live; none: every indexing parses every file. */
  indexCache?: IndexCacheOptions;
  /** The folder whose `.claude/skills` holds the user's skills. */
  home = userHome();
  /** Told the problems of each configuration file read (startServer: a notification once per version). */
  reportConfig: (report: ConfigReport) => void = () => {};
  /** Open documents by canonical URI, rebuilt after an open or a close (looked up for every indexed and linted file). */
  private openByCanonicalUri?: Map<string, string>;

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly clientSettings: SettingsSource,
    private readonly log: Logger & { info(message: string): void },
  ) {
    documents.onDidOpen(() => (this.openByCanonicalUri = undefined));
    documents.onDidClose(() => (this.openByCanonicalUri = undefined));
  }

  /**
   * Runs `work` after the first index and after the disk work queued before it: the
   * changes of notifications apply in the order they came, and requests wait for them.
   */
  enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(() => this.ready).then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Resolves once the first index and every change queued so far are applied: a request sees every notification sent before it. */
  async settled(): Promise<void> {
    await this.ready;
    for (let queued = this.queue; ; queued = this.queue) {
      await queued;
      if (queued === this.queue) return;
    }
  }

  /** Creates the folders' projects at once, so documents opened early land in the right one. */
  setFolders(folderUris: string[]): void {
    for (const uri of folderUris.map(canonicalUri)) if (!this.projects.has(uri)) this.projects.set(uri, createProject(this.agentHost, uri));
  }

  async initialize(): Promise<void> {
    await this.loadAll();
    this.markReady();
  }

  async addFolder(folderUri: string): Promise<void> {
    this.setFolders([folderUri]);
    await this.loadProject(this.projects.get(canonicalUri(folderUri))!);
  }

  removeFolder(folderUri: string): void {
    this.projects.delete(canonicalUri(folderUri));
    this.clearSettings();
    this.revision.bump();
  }

  allProjects(): Project[] {
    return [...this.projects.values(), this.loose];
  }

  projectFor(clientUri: string): Project {
    const uri = canonicalUri(clientUri);
    let best: Project | undefined;
    for (const project of this.projects.values()) {
      const folder = project.folderUri!.replace(/\/?$/, '/');
      if (uri.startsWith(folder) && (!best || folder.length > best.folderUri!.length)) best = project;
    }
    return best ?? this.loose;
  }

  /**
   * Reads configuration, settings and rules document, then indexes every agent file of the
   * project; with `onlyIfFilesChanged`, indexes again only when which files are agents changed
   * (agentGlobs, ignore, the rules document): other settings change no summary of the index.
   */
  async loadProject(project: Project, onlyIfFilesChanged = false): Promise<void> {
    const before = agentFilesKey(project);
    await loadProjectFiles(project, await this.clientSettings(project.folderUri), this.log, this.reportConfig);
    this.clearSettings();
    this.revision.bump();
    await this.loadRulesDocument(project);
    if (!onlyIfFilesChanged || agentFilesKey(project) !== before) await this.indexProject(project);
  }

  /** Loads every project; one that fails is logged and the others still load. */
  async loadAll(): Promise<void> {
    await this.loadEvery(false);
  }

  /** The client's settings changed: every project reads them again, and indexes again only where they change which files are agents. */
  async settingsChanged(): Promise<void> {
    await this.loadEvery(true);
  }

  private async loadEvery(onlyIfFilesChanged: boolean): Promise<void> {
    this.clearSettings();
    const results = await Promise.allSettled(this.allProjects().map((p) => this.loadProject(p, onlyIfFilesChanged)));
    for (const result of results) if (result.status === 'rejected') this.log.error(`Loading a workspace folder failed: ${String(result.reason?.stack ?? result.reason)}`);
  }

  private async loadRulesDocument(project: Project): Promise<void> {
    const open = project.rulesUri ? this.openDocument(project.rulesUri) : undefined;
    if (open) applyRulesDocument(project, open.getText(), open.version);
    else applyRulesDocument(project, await readRulesDocument(project));
  }

  private async indexProject(project: Project): Promise<void> {
    const started = Date.now();
    const { service } = project;
    for (const agent of [...service.index.all()]) service.removeFromIndex(agent.uri);
    project.links.clear();
    if (project.root) {
      let files: string[] = [];
      try {
        // Every Markdown file: whether its frontmatter declares an agent the index cache knows without opening it.
        files = findAgentFilesSync(
          project.root,
          project.config.ignore ?? [],
          () => true,
          (link, real) => project.links.set(link, real),
        );
      } catch (error) {
        this.log.error(`Cannot list the agent files of ${project.root}: ${(error as Error).message}`);
      }
      // Skills first, so that the agents' first diagnostics know them.
      service.setSkills(
        loadSkills(
          [project.root],
          files.filter((file) => SKILL_FILE.test(pathToUri(file))),
          this.home,
        ),
      );
      const cache = IndexCacheSession.open(this.indexCache, project.root);
      // Read synchronously, a batch at a time between turns of the event loop: awaiting each
      // read took longer than parsing (bench/README.md, measurements), and requests still get
      // answered between batches.
      for (let i = 0; i < files.length; i++) {
        if (i % INDEX_BATCH === INDEX_BATCH - 1) await new Promise((resolve) => setImmediate(resolve));
        const uri = pathToUri(files[i]);
        if (this.openDocument(uri)) continue;
        const summary = cache.summaryOf(files[i], uri, (declares) => isAgentPath(project, uri, () => declares));
        if (summary) service.index.upsert(summary);
      }
      const { cached, parsed } = cache.counts;
      this.log.info(`Indexed ${service.index.size} agent file${service.index.size === 1 ? '' : 's'} of ${project.root} in ${Date.now() - started} ms (${parsed} parsed, ${cached} from the index cache).`);
      try {
        cache.save();
      } catch (error) {
        this.log.error(`Cannot write the index cache: ${(error as Error).message}`);
      }
    }
    for (const open of this.documents.all()) if (this.projectFor(open.uri) === project) this.documentChanged(open);
    this.revision.bump();
  }

  /** The open document of a file, whichever way the client spells its URI. */
  private openDocument(uri: string): TextDocument | undefined {
    this.openByCanonicalUri ??= new Map(this.documents.keys().map((clientUri) => [canonicalUri(clientUri), clientUri]));
    const clientUri = this.openByCanonicalUri.get(uri);
    return this.documents.get(uri) ?? (clientUri === undefined ? undefined : this.documents.get(clientUri));
  }

  /** The document open under this very spelling, else under any spelling of the file. */
  private openAs(clientUri: string, uri: string): TextDocument | undefined {
    return this.documents.get(clientUri) ?? this.openDocument(uri);
  }

  /** The parsed open document (keyed by its canonical URI) when it is an agent file of its project. */
  openAgent(clientUri: string): { doc: AgentDocument; project: Project } | undefined {
    const uri = canonicalUri(clientUri);
    const open = this.openAs(clientUri, uri);
    if (!open) return undefined;
    const project = this.projectFor(uri);
    const text = open.getText();
    if (!isAgentFile(project, uri, text)) return undefined;
    return { doc: project.service.parse(uri, open.version, text), project };
  }

  /**
   * The current model of any agent file: its open buffer, else the file on disk. With `keep`
   * false, the model of a file that is not open is not kept for later requests (a pass over
   * every file would push out the ones requests reach into).
   */
  load(clientUri: string, keep = true): AgentDocument | undefined {
    const uri = canonicalUri(clientUri);
    const open = this.openAs(clientUri, uri);
    if (open) return this.projectFor(uri).service.parse(uri, open.version, open.getText());
    return this.disk.read(uri, keep);
  }

  /** The settings of a resource: the client's for it (asked once until they change) over its project's configuration. */
  async settingsFor(clientUri: string): Promise<Settings> {
    const uri = canonicalUri(clientUri);
    let settings = this.settingsCache.get(uri);
    if (!settings) {
      const project = this.projectFor(uri);
      const asked = this.clientSettings(clientUri).then((client) => {
        const resolved = resolveSettings(project.config, client, project.mcpServers, project.userMcpServers);
        if (this.settingsCache.get(uri) === asked) this.settingsResolved.set(uri, resolved);
        return resolved;
      });
      this.settingsCache.set(uri, (settings = asked));
    }
    return settings;
  }

  /** What the services read: a resource's settings once settingsFor has them, else its project's (a file that is not open). */
  private resolvedSettings(uri: string): Settings {
    return this.settingsResolved.get(uri) ?? this.projectFor(uri).settings;
  }

  private clearSettings(): void {
    this.settingsCache.clear();
    this.settingsResolved.clear();
  }

  /** An open, enabled agent document with its project; its settings are then what its service reads. */
  async context(uri: string): Promise<AgentContext | undefined> {
    const agent = this.openAgent(uri);
    if (!agent) return undefined;
    const settings = await this.settingsFor(uri);
    if (!settings.enabled) return undefined;
    return agent;
  }

  /** Indexes an opened or edited document; true when other files' results may change. */
  documentChanged(open: TextDocument): boolean {
    const uri = canonicalUri(open.uri);
    const project = this.projectFor(uri);
    if (uri === project.rulesUri) {
      applyRulesDocument(project, open.getText(), open.version);
      return true;
    }
    const before = this.revision.current;
    const agent = this.openAgent(open.uri);
    if (agent) project.service.indexDocument(agent.doc);
    else project.service.removeFromIndex(uri);
    return this.revision.current !== before;
  }

  /** Forgets a closed document and indexes its file again; true when other files' results may change. */
  async documentClosed(clientUri: string): Promise<boolean> {
    const uri = canonicalUri(clientUri);
    const project = this.projectFor(uri);
    project.service.forget(uri);
    this.settingsCache.delete(uri);
    this.settingsResolved.delete(uri);
    if (uri === project.rulesUri) {
      await this.loadRulesDocument(project);
      return true;
    }
    return this.indexFromDisk(project, uri);
  }

  private async indexFromDisk(project: Project, uri: string): Promise<boolean> {
    const before = this.revision.current;
    const file = uriToPath(uri);
    const text = file ? await readText(file) : undefined;
    if (text !== undefined && isAgentFile(project, uri, text)) {
      project.service.indexDocument(parseAgent(uri, 0, text));
      if (file) trackLink(project, file);
    } else project.service.removeFromIndex(uri);
    return this.revision.current !== before;
  }

  /**
   * Applies watched-file events; true when other files' results may change. The disk
   * decides, not the event type: a path that is gone takes every agent under it along
   * (a deleted or renamed folder is one event), a folder is walked again, a file read again.
   * Events outside every workspace folder are not the index's business.
   */
  async filesChanged(changes: FileEvent[]): Promise<boolean> {
    let affected = false;
    const reloaded = new Set<Project>();
    for (const change of changes) {
      const uri = canonicalUri(change.uri);
      const file = uriToPath(uri);
      this.disk.forget(uri);
      // Before the project checks: the user's skills are outside every folder.
      if (file && SKILL_PATH.test(uri) && !SKIPPED_FOLDERS.test(uri)) affected = (await this.skillsChanged(uri, file)) || affected;
      // Before the project checks too: a link's target may lie outside every agent folder.
      if (file) affected = (await this.aliasesChanged(file)) || affected;
      const project = this.projectFor(uri);
      if (!file || SKIPPED_FOLDERS.test(uri) || project === this.loose || reloaded.has(project)) continue;
      const name = path.basename(file);
      if (name === CONFIG_FILE || name === MCP_FILE || name === PACKAGE_JSON) {
        const folder = path.dirname(file);
        if (folder !== project.configRoot && folder !== project.root) continue;
        reloaded.add(project);
        await this.loadProject(project);
        affected = true;
      } else if (uri === project.rulesUri) {
        if (!this.openDocument(uri)) await this.loadRulesDocument(project);
        else this.revision.bump();
        affected = true;
      } else {
        affected = (await this.pathChanged(project, uri, file)) || affected;
      }
    }
    return affected;
  }

  /**
   * A skill file, a skill folder or a skills folder created, changed or deleted: the skills
   * under it are read again by every project whose agents they serve.
   */
  private async skillsChanged(uri: string, file: string): Promise<boolean> {
    const stat = await fs.stat(file).catch(() => undefined);
    let found: string[] = [];
    if (stat?.isDirectory()) {
      try {
        found = findAgentFilesSync(file, [], () => true).filter((f) => SKILL_FILE.test(pathToUri(f)));
      } catch (error) {
        this.log.error(`Cannot list the skills of ${file}: ${(error as Error).message}`);
      }
    } else if (stat) found = [file];
    const read = found.map((f) => readSkill(f, this.home)).filter((skill): skill is SkillSummary => skill !== undefined);
    let affected = false;
    for (const project of this.projects.values()) {
      const skills = project.service.workspace.skills;
      if (!skills) continue;
      const folder = project.folderUri!.replace(/\/?$/, '/');
      for (const gone of skills.all()) if ((gone.uri === uri || gone.uri.startsWith(`${uri}/`)) && !found.includes(uriToPath(gone.uri)!)) affected = skills.remove(gone.uri) || affected;
      for (const skill of read) {
        const serves = isUserSkill(uriToPath(skill.uri)!, this.home) || folder.startsWith(skill.scopeUri!) || skill.uri.startsWith(folder);
        if (!serves) continue;
        skills.upsert(skill);
        affected = true;
      }
    }
    return affected;
  }

  /** `file` seen through the links the index followed: each of those paths changed too (a link to a link as well). */
  private async aliasesChanged(file: string): Promise<boolean> {
    let affected = false;
    const seen = new Set([file]);
    for (let paths = [file], depth = 0; paths.length && depth < MAX_LINK_DEPTH; depth++) {
      const next: string[] = [];
      for (const project of this.projects.values()) {
        for (const [link, real] of [...project.links]) {
          for (const changed of paths) {
            const alias = changed === real ? link : changed.startsWith(real + path.sep) ? link + changed.slice(real.length) : undefined;
            if (alias === undefined || seen.has(alias) || !loopFree(alias)) continue;
            seen.add(alias);
            next.push(alias);
            affected = (await this.pathChanged(project, pathToUri(alias), alias)) || affected;
          }
        }
      }
      paths = next;
    }
    return affected;
  }

  private async pathChanged(project: Project, uri: string, file: string): Promise<boolean> {
    const stat = await fs.stat(file).catch(() => undefined);
    if (!stat) return this.removedUnder(project, uri);
    if (stat.isDirectory()) return this.folderChanged(project, uri, file);
    return /\.md$/i.test(file) && !this.openDocument(uri) && this.indexFromDisk(project, uri);
  }

  /** A path that no longer exists: the agent file it was, or every agent file under the folder it was. */
  private async removedUnder(project: Project, uri: string): Promise<boolean> {
    const folder = `${uri}/`;
    let affected = false;
    for (const agent of [...project.service.index.all()]) {
      if ((agent.uri === uri || agent.uri.startsWith(folder)) && !this.openDocument(agent.uri)) {
        project.service.removeFromIndex(agent.uri);
        affected = true;
      }
    }
    if (project.rulesUri?.startsWith(folder)) {
      await this.loadRulesDocument(project);
      affected = true;
    }
    return affected;
  }

  /** A folder that appeared (created, renamed, linked): its agent files indexed, and those indexed under it that it no longer holds removed. */
  private async folderChanged(project: Project, uri: string, folder: string): Promise<boolean> {
    let affected = false;
    const found = new Set<string>();
    try {
      for (const file of findAgentFilesSync(
        folder,
        [],
        () => true,
        (link, real) => project.links.set(link, real),
      ))
        found.add(pathToUri(file));
    } catch (error) {
      this.log.error(`Cannot list the agent files of ${folder}: ${(error as Error).message}`);
      return false;
    }
    const prefix = `${uri}/`;
    for (const agent of [...project.service.index.all()]) {
      if (agent.uri.startsWith(prefix) && !found.has(agent.uri) && !this.openDocument(agent.uri)) {
        project.service.removeFromIndex(agent.uri);
        affected = true;
      }
    }
    for (const agentUri of found) if (!this.openDocument(agentUri)) affected = (await this.indexFromDisk(project, agentUri)) || affected;
    return affected;
  }

  openUris(): string[] {
    return this.documents.keys();
  }

  /** What the model of a file that is not open depends on (modification time, size); undefined when it cannot be read. */
  diskStamp(uri: string): string | undefined {
    return this.disk.stamp(canonicalUri(uri));
  }

  isOpen(uri: string): boolean {
    return this.openDocument(canonicalUri(uri)) !== undefined;
  }

  /** Every indexed agent file of every project. */
  agentUris(): string[] {
    return this.allProjects()
      .flatMap((p) => [...p.service.index.all()].map((a) => a.uri))
      .sort();
  }
}

/** What decides which files of a project are agents, besides the files themselves. */
function agentFilesKey(project: Project): string {
  return JSON.stringify([project.settings.agentGlobs, project.config.ignore ?? [], project.configRoot, project.rulesUri]);
}

/** Whether a path reaches no folder twice (as the walk follows links: a link back to a folder it is in is not followed). */
function loopFree(file: string): boolean {
  const reals = new Set<string>();
  for (let folder = path.dirname(file); ; folder = path.dirname(folder)) {
    let real: string;
    try {
      real = realpathSync.native(folder);
    } catch {
      return true; // gone: nothing loops
    }
    if (reals.has(real)) return false;
    reals.add(real);
    if (path.dirname(folder) === folder) return true;
  }
}

/** Remembers a link the index reached by an event rather than a walk (an agent file that is a link). */
function trackLink(project: Project, file: string): void {
  try {
    const real = realpathSync.native(file);
    if (real !== file) project.links.set(file, real);
  } catch {
    // Gone again: nothing to remember.
  }
}
