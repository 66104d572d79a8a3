import type { lv } from '../lists';

/** The paged lists' own text in Russian (renderer/src/i18n/lists.ts). */
export const ru: typeof lv = {
  showing: 'Показано {from}–{to} из {total}',
  none: 'Записей нет',
  pager: 'Страницы',
  schoolYear: 'Учебный год',
  schoolYearValue: '{from}/{to}',
  group: 'Группа',
  allGroups: 'Все группы',
  person: 'Сотрудник',
  everyone: 'Все',
  author: 'Автор',
  child: 'Ребёнок',
  search: 'Поиск по имени',
};
