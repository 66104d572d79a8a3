/** UI text of the backup domain (under the 'backup.' prefix), Latvian and English with the same keys. */
export const lv = {
  nav: 'Rezerves kopijas',
  title: 'Rezerves kopijas',
  exportTitle: 'Izveidot rezerves kopiju',
  exportIntro:
    'Visu žurnālu šifrētā veidā ieraksta izvēlētajā mapē (piemēram, zibatmiņā). Faila nosaukumā ir iestādes nosaukums, datums un laiks.',
  folder: 'Mape',
  folderHint: 'Pilns mapes ceļš šajā datorā, piemēram, E:\\ vai /media/usb.',
  passphrase: 'Rezerves kopijas parole',
  passphraseRepeat: 'Rezerves kopijas parole atkārtoti',
  passphraseHint: 'Vismaz 12 rakstzīmes.',
  passphraseWarning:
    'Šo paroli nevar atjaunot. Bez tās rezerves kopiju atvērt nav iespējams — pierakstiet to un glabājiet atsevišķi no zibatmiņas.',
  exportSubmit: 'Izveidot rezerves kopiju',
  working: 'Notiek darbs… Neizņemiet zibatmiņu.',
  exported: 'Rezerves kopija izveidota un pārbaudīta: {file}',
  restoreTitle: 'Atjaunot no rezerves kopijas',
  restoreIntro:
    'Pašreizējie dati tiks aizstāti ar rezerves kopijā esošajiem. Pašreizējo datubāzi saglabā kā drošības kopiju datu mapē. Pēc atjaunošanas visi pieslēdzas ar parolēm, kas bija kopijas izveides brīdī.',
  file: 'Rezerves kopijas fails',
  fileHint: 'Pilns faila ceļš, piemēram, E:\\PII-Zīlīte_2026-11-30_09-30-00.kgbak.',
  restoreSubmit: 'Atjaunot',
  confirmTitle: 'Aizstāt pašreizējos datus?',
  confirmText:
    'Visas izmaiņas, kas veiktas pēc rezerves kopijas izveides, pazudīs no žurnāla (tās paliks drošības kopijā). Pēc atjaunošanas jums būs jāpieslēdzas vēlreiz.',
  confirm: 'Jā, atjaunot',
  restored: 'Dati atjaunoti no rezerves kopijas ({date}). Pieslēdzieties ar savu paroli.',
  autoTitle: 'Automātiskās rezerves kopijas',
  autoIntro:
    'Reizi dienā (pirmajā pieslēgšanās reizē) žurnāls tiek saglabāts izvēlētajā mapē. Glabā 7 dienas un 12 mēnešu kopijas.',
  autoEnabled: 'Veidot automātiskās rezerves kopijas',
  autoPassphraseSet: 'Parole ir iestatīta. Atstājiet laukus tukšus, lai to nemainītu.',
  autoPassphraseNew: 'Parole tiek iestatīta vienu reizi un glabāta šifrēta žurnālā.',
  lastSuccess: 'Pēdējā veiksmīgā: {date}',
  lastFailure: 'Pēdējā neveiksmīgā: {date} — {reason}',
  never: 'Automātiskā rezerves kopija vēl nav veidota.',
  saved: 'Iestatījumi saglabāti.',
  failedNotice: 'Automātiskā rezerves kopija {date} neizdevās: {reason}',
  openSettings: 'Atvērt rezerves kopiju iestatījumus',
  setupTitle: 'Atjaunot no rezerves kopijas',
  setupIntro:
    'Jaunā datorā: norādiet rezerves kopijas failu un tās paroli. Pēc atjaunošanas katrs pieslēdzas ar savu iepriekšējo paroli.',
  backToSetup: 'Atpakaļ uz iestādes izveidi',
  progressLabel: 'Notiek darbs',
};

export const en: typeof lv = {
  nav: 'Backups',
  title: 'Backups',
  exportTitle: 'Create a backup',
  exportIntro:
    'Writes the whole register, encrypted, into the chosen folder (e.g. a USB stick). The file name carries the institution, the date and the time.',
  folder: 'Folder',
  folderHint: 'The full path of a folder on this PC, e.g. E:\\ or /media/usb.',
  passphrase: 'Backup passphrase',
  passphraseRepeat: 'Backup passphrase again',
  passphraseHint: 'At least 12 characters.',
  passphraseWarning:
    'This passphrase cannot be recovered. Without it the backup cannot be opened — write it down and keep it apart from the USB stick.',
  exportSubmit: 'Create a backup',
  working: 'Working… Do not remove the USB stick.',
  exported: 'The backup was written and verified: {file}',
  restoreTitle: 'Restore from a backup',
  restoreIntro:
    'The current data will be replaced by the backup. The current database is kept as a safety copy in the data folder. After the restore everyone logs in with the password they had when the backup was made.',
  file: 'Backup file',
  fileHint: 'The full path of the file, e.g. E:\\PII-Zilite_2026-11-30_09-30-00.kgbak.',
  restoreSubmit: 'Restore',
  confirmTitle: 'Replace the current data?',
  confirmText:
    'Every change made after the backup will leave the register (it stays in the safety copy). You will have to log in again.',
  confirm: 'Yes, restore',
  restored: 'The data was restored from the backup ({date}). Log in with your password.',
  autoTitle: 'Automatic backups',
  autoIntro:
    'Once a day (at the first login) the register is saved into the chosen folder. 7 daily and 12 monthly copies are kept.',
  autoEnabled: 'Make automatic backups',
  autoPassphraseSet: 'The passphrase is set. Leave the fields empty to keep it.',
  autoPassphraseNew: 'The passphrase is set once and kept encrypted in the register.',
  lastSuccess: 'Last success: {date}',
  lastFailure: 'Last failure: {date} — {reason}',
  never: 'No automatic backup has been made yet.',
  saved: 'Settings saved.',
  failedNotice: 'The automatic backup of {date} failed: {reason}',
  openSettings: 'Open the backup settings',
  setupTitle: 'Restore from a backup',
  setupIntro:
    'On a new PC: give the backup file and its passphrase. After the restore everyone logs in with their previous password.',
  backToSetup: 'Back to setting up the institution',
  progressLabel: 'Working',
};
