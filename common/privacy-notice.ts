import type { Locale } from './locale';

/**
 * The privacy notice every user acknowledges at her first login and again whenever its text
 * changes: raise the version with every change of the text, and everyone is asked once more.
 * It restates the duties of the register's rules (DOMAIN.md 1, 5, 6).
 */
export const PRIVACY_NOTICE_VERSION = 1;

export interface PrivacyNoticeText {
  title: string;
  intro: string;
  duties: string[];
  accept: string;
}

export const PRIVACY_NOTICE: Record<Locale, PrivacyNoticeText> = {
  lv: {
    title: 'Personas datu aizsardzība',
    intro:
      'E-žurnālā ir bērnu un vecāku personas dati: vārdi, personas kodi, apmeklējums, slimības kavējumi, vērtējumi un individuālā darba piezīmes. Iestāde par tiem atbild saskaņā ar Fizisko personu datu apstrādes likumu un Vispārīgo datu aizsardzības regulu.',
    duties: [
      'Datus izmantoju tikai iestādes darbam — audzināšanai, mācībām un to uzskaitei.',
      'Ievēroju konfidencialitāti arī pēc darba attiecību beigām.',
      'Savu lietotājvārdu un paroli glabāju drošībā un nevienam nenododu.',
      'Ja man ir aizdomas, ka parole kļuvusi zināma citiem, nekavējoties ziņoju vadītājai.',
      'Izmaiņas datos un katra personas koda apskate tiek reģistrētas notikumu žurnālā.',
    ],
    accept: 'Apņemos ievērot',
  },
  en: {
    title: 'Protection of personal data',
    intro:
      'The register holds personal data of children and parents: names, personal codes, attendance, illness absences, marks and individual work notes. The kindergarten answers for them under the Personal Data Processing Law and the General Data Protection Regulation.',
    duties: [
      'I use the data only for the kindergarten’s work: upbringing, teaching and their records.',
      'I keep the data confidential, also after my employment ends.',
      'I keep my user name and password safe and give them to no one.',
      'If I suspect that my password has become known to others, I tell the head at once.',
      'Changes to the data and every look at a personal code are recorded in the audit log.',
    ],
    accept: 'I will follow this',
  },
  ru: {
    title: 'Защита персональных данных',
    intro:
      'В электронном журнале хранятся персональные данные детей и родителей: имена, персональные коды, посещаемость, пропуски по болезни, оценки и записи индивидуальной работы. Учреждение отвечает за них по Закону об обработке данных физических лиц и Общему регламенту о защите данных.',
    duties: [
      'Я использую данные только для работы учреждения — воспитания, обучения и их учёта.',
      'Я соблюдаю конфиденциальность и после окончания трудовых отношений.',
      'Я храню своё имя пользователя и пароль в безопасности и никому их не передаю.',
      'Если я подозреваю, что мой пароль стал известен другим, я немедленно сообщаю заведующей.',
      'Изменения данных и каждый просмотр персонального кода записываются в журнал событий.',
    ],
    accept: 'Обязуюсь соблюдать',
  },
};
