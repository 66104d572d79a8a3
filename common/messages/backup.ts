import type { DomainMessages } from './types';

/** Messages of backup and restore; keys start with 'backup.'. */
export const backupMessages: DomainMessages = {
  lv: {
    // Reasons of electron/api/backup/format/errors.ts (BACKUP_ERROR_KEYS).
    'backup.notABackup': 'Šis fails nav žurnāla rezerves kopija.',
    'backup.newerFormat':
      'Rezerves kopija izveidota ar jaunāku programmas versiju (jaunāks faila formāts). Atjauniniet programmu.',
    'backup.wrongPassphrase': 'Nepareiza rezerves kopijas parole.',
    'backup.headerTampered':
      'Rezerves kopijas galvene ir bojāta vai mainīta. Dati netika izmantoti.',
    'backup.chunkTampered': 'Rezerves kopijas dati ir bojāti vai mainīti. Dati netika izmantoti.',
    'backup.truncated':
      'Rezerves kopija ir nepilnīga (fails nogriezts, piemēram, izņemot zibatmiņu pārāk agri).',
    'backup.trailingData': 'Rezerves kopijas beigās ir lieki dati. Fails netika izmantots.',
    // Checks of the backup service.
    'backup.newerSchema':
      'Rezerves kopija ir no jaunākas programmas versijas datubāzes. Vispirms atjauniniet programmu.',
    'backup.payloadInvalid': 'Rezerves kopijas saturs nav atpazīstams. Dati netika izmantoti.',
    'backup.integrityFailed':
      'Atjaunotā datubāze neizturēja pārbaudi (integrity_check). Pašreizējie dati netika mainīti.',
    'backup.foreignKeysFailed':
      'Atjaunotajā datubāzē ir nesaistītas atsauces (foreign_key_check). Pašreizējie dati netika mainīti.',
    'backup.passphraseMismatch': 'Paroles nesakrīt.',
    'backup.passphraseNeeded': 'Iestatiet rezerves kopiju paroli (vismaz 12 rakstzīmes).',
    'backup.pathAbsolute': 'Ievadiet pilnu ceļu, piemēram, E:\\ vai /media/usb.',
    'backup.folderMissing': 'Šāda mape nav atrasta.',
    'backup.folderNotWritable': 'Šajā mapē nevar rakstīt (tā ir tikai lasāma vai nav pieejama).',
    'backup.writeFailed':
      'Rezerves kopiju neizdevās ierakstīt (iespējams, diskā nav vietas). Nepabeigtais fails izdzēsts.',
    'backup.verifyFailed': 'Ierakstītā rezerves kopija nolasot neatbilda. Fails izdzēsts.',
    'backup.fileMissing': 'Šāds fails nav atrasts.',
    'backup.notSetup': 'Atjaunot no sākuma ekrāna var tikai tad, ja datu mape ir tukša.',
    'backup.serverNotEmpty':
      'Servera datubāzē jau ir žurnāls. Rezerves kopiju atjauno jaunā, tukšā datubāzē. Nekas netika mainīts.',
    'backup.byServerCommand':
      'Serverī rezerves kopijas veido un atjauno servera komanda (npm run server -- --backup vai --restore), kā aprakstīts servera instrukcijā. Nekas netika mainīts.',
    'backup.autoFailed': 'Automātiskā rezerves kopija neizdevās: {reason}',
    'backup.browseDesktop': 'Galddatora programmā mapi izvēlas sistēmas dialoglodziņā.',
    'backup.folderUnreadable': 'Šīs mapes saturu nevar nolasīt (nav piekļuves).',
    'backup.dialogFolder': 'Izvēlieties mapi rezerves kopijām',
    'backup.dialogFile': 'Izvēlieties rezerves kopijas failu',
    'backup.dialogFilter': 'Rezerves kopijas',
  },
  en: {
    'backup.notABackup': 'This file is not a backup of the register.',
    'backup.newerFormat':
      'The backup was made by a newer version of the program (newer file format). Please update.',
    'backup.wrongPassphrase': 'Wrong backup passphrase.',
    'backup.headerTampered': 'The backup header is damaged or altered. Nothing was used.',
    'backup.chunkTampered': 'The backup data is damaged or altered. Nothing was used.',
    'backup.truncated':
      'The backup is incomplete (the file was cut short, e.g. the USB stick was pulled too early).',
    'backup.trailingData': 'The backup has extra data at its end. The file was not used.',
    'backup.newerSchema':
      'The backup holds a database from a newer version of the program. Please update first.',
    'backup.payloadInvalid': 'The content of the backup is not recognised. Nothing was used.',
    'backup.integrityFailed':
      'The restored database failed its check (integrity_check). The current data is unchanged.',
    'backup.foreignKeysFailed':
      'The restored database has dangling references (foreign_key_check). The current data is unchanged.',
    'backup.passphraseMismatch': 'The passphrases do not match.',
    'backup.passphraseNeeded': 'Set the backup passphrase (at least 12 characters).',
    'backup.pathAbsolute': 'Enter a full path, e.g. E:\\ or /media/usb.',
    'backup.folderMissing': 'No such folder.',
    'backup.folderNotWritable': 'This folder cannot be written (read-only or unavailable).',
    'backup.writeFailed':
      'The backup could not be written (the disk may be full). The unfinished file was removed.',
    'backup.verifyFailed': 'The written backup did not read back correctly. The file was removed.',
    'backup.fileMissing': 'No such file.',
    'backup.notSetup': 'Restoring from the first-run screen needs an empty data folder.',
    'backup.serverNotEmpty':
      'The server database already holds a register. Restore into a new, empty database. Nothing was changed.',
    'backup.byServerCommand':
      "On a server, backups are made and restored by the server's own command (npm run server -- --backup or --restore), as its manual describes. Nothing was changed.",
    'backup.autoFailed': 'The automatic backup failed: {reason}',
    'backup.browseDesktop': 'The desktop program chooses folders in the system dialog.',
    'backup.folderUnreadable': 'The contents of this folder cannot be read (no access).',
    'backup.dialogFolder': 'Choose the folder for backups',
    'backup.dialogFile': 'Choose a backup file',
    'backup.dialogFilter': 'Backups',
  },
};
