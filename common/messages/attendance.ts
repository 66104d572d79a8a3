import type { DomainMessages } from './types';

/** Messages of attendance; keys start with 'attendance.'. */
export const attendanceMessages: DomainMessages = {
  lv: {
    'attendance.badCode': 'Kods var būt tikai NS, NC vai N.',
    'attendance.nothingToSave': 'Nav izmaiņu, ko saglabāt.',
    'attendance.notYourGroup': 'Jūs šajā datumā nestrādājat šajā grupā.',
    'attendance.futureDay': '{date} vēl nav pienācis: nākotnes dienu atzīmēt nevar.',
    'attendance.notWorkingDay': '{date} nav darba diena ({reason}).',
    'attendance.notEnrolled': 'Bērns {date} nav šīs grupas sarakstā.',
    'attendance.duplicateCell': 'Šī šūna pieprasījumā ir divreiz.',
    'attendance.refused': 'Nekas netika saglabāts: atzīmētās šūnas mainīt nevar.',
    'attendance.conflict':
      'Kamēr strādājāt, kāds cits mainīja apmeklējumu. Nekas netika saglabāts; parādītas pašreizējās vērtības.',
    'attendance.conflictCell': 'Pa to laiku mainīts: tagad „{code}”.',
    'attendance.present': 'klāt',
    'attendance.off.weekend': 'brīvdiena',
    'attendance.off.closure': 'iestāde slēgta',
    'attendance.off.movedDayOff': 'pārceltā brīvdiena',
  },
  en: {
    'attendance.badCode': 'The code must be NS, NC or N.',
    'attendance.nothingToSave': 'There are no changes to save.',
    'attendance.notYourGroup': 'You do not work in this group on this date.',
    'attendance.futureDay': '{date} has not come yet: a future day cannot be marked.',
    'attendance.notWorkingDay': '{date} is not a working day ({reason}).',
    'attendance.notEnrolled': 'The child is not in this group on {date}.',
    'attendance.duplicateCell': 'This cell appears twice in the request.',
    'attendance.refused': 'Nothing was saved: the marked cells cannot be changed.',
    'attendance.conflict':
      'Someone else changed the attendance while you worked. Nothing was saved; the current values are shown.',
    'attendance.conflictCell': 'Changed in the meantime: now “{code}”.',
    'attendance.present': 'present',
    'attendance.off.weekend': 'weekend',
    'attendance.off.closure': 'kindergarten closed',
    'attendance.off.movedDayOff': 'moved day off',
  },
};
