// Owns the running LanguageClient: starts it, restarts it when the agent
// globs change, and stops it on deactivation.
import type { Disposable } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export class ClientHost implements Disposable {
  private current: Promise<LanguageClient> | undefined;
  private disposed = false;

  constructor(private readonly create: () => LanguageClient) {}

  /** Starts the client; resolves once the server has answered `initialize`. */
  start(): Promise<LanguageClient> {
    this.current ??= this.launch();
    return this.current;
  }

  /** The running client, after any start or restart in progress. */
  client(): Promise<LanguageClient> {
    return this.start();
  }

  /** Stops the running client and starts a new one (new document selector, new server). */
  async restart(): Promise<LanguageClient> {
    const previous = this.current;
    this.current = undefined;
    await stopQuietly(previous);
    return this.start();
  }

  async stop(): Promise<void> {
    const previous = this.current;
    this.current = undefined;
    await stopQuietly(previous);
  }

  dispose(): void {
    this.disposed = true;
    void this.stop();
  }

  private async launch(): Promise<LanguageClient> {
    if (this.disposed) throw new Error('Agentry is shutting down');
    const client = this.create();
    try {
      await client.start();
    } catch (error) {
      await client.dispose().catch(() => undefined);
      throw error;
    }
    return client;
  }
}

async function stopQuietly(pending: Promise<LanguageClient> | undefined): Promise<void> {
  const client = await pending?.catch(() => undefined);
  if (!client) return;
  try {
    await client.dispose(2000);
  } catch {
    // The server may already be gone; nothing else to release.
  }
}
