import type { RegisterBridge } from '../../../electron/preload';
import type { FileDialogs } from './file-dialogs';
import { pickFile } from './pick-file';

/** The desktop build: the system's Open dialog, opened by the main process. */
export function desktopFileDialogs(bridge: RegisterBridge): FileDialogs {
  return {
    chooseFolder: (current) => bridge.choosePath({ kind: 'folder', current }),
    chooseBackup: (current) => bridge.choosePath({ kind: 'backup', current }),
    openFile: pickFile,
  };
}
