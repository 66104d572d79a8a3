import type { FileDialogs } from './file-dialogs';
import { askPath } from './path-picker';
import { pickFile } from './pick-file';

/**
 * Browser mode: a page cannot learn a path on the PC from the browser's dialog, so backup
 * folders and files are chosen in the program's own picker (PathPickerDialog.vue), which lists
 * the PC's folders through the backend; an imported file is read by the browser's dialog.
 */
export const browserFileDialogs: FileDialogs = {
  chooseFolder: (current) => askPath('folder', current),
  chooseBackup: (current) => askPath('backup', current),
  openFile: pickFile,
};
