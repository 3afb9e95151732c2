// The problems of a configuration file, told to the user once per version of the file
// (its text) in a warning, with an action that opens it where the client can show
// documents; not again when the file is read again unchanged (each reload, each folder).
import * as path from 'node:path';
import { MessageType, ShowMessageNotification, type Connection } from './languageServer';
import type { ClientSupport } from './capabilities';
import { pathToUri } from '../workspace/files';
import type { ConfigReport } from '../workspace/projectConfig';
import type { Logger } from './guard';

export const OPEN_CONFIG = 'Open';

export function configProblemsMessage(report: ConfigReport): string {
  const count = report.problems.length;
  return `Agentry: ${path.basename(report.file)} has ${count} problem${count === 1 ? '' : 's'}: ${report.problems.join('; ')}`;
}

export function configNotifier(connection: Connection, support: () => ClientSupport, log: Logger): (report: ConfigReport) => void {
  const told = new Set<string>();
  return (report) => {
    const key = `${report.file}\0${report.version}`;
    if (report.problems.length === 0 || told.has(key)) return;
    told.add(key);
    const message = configProblemsMessage(report);
    if (!support().messageActions || !support().showDocument) {
      // A notification: showWarningMessage without actions is still a request, which some clients
      // answer only once the user picks from a list (Neovim 0.7's inputlist).
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
      return;
    }
    connection.window.showWarningMessage(message, { title: OPEN_CONFIG }).then(
      (choice) => (choice?.title === OPEN_CONFIG ? connection.window.showDocument({ uri: pathToUri(report.file), takeFocus: true }) : undefined),
      (error: Error) => log.error(`window/showMessageRequest failed: ${error.message}`),
    );
  };
}
