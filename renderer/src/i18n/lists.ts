/** The paged lists' own text (renderer/src/components/ListPager.vue and the filters). */
export const lv = {
  showing: 'Rāda {from}–{to} no {total}',
  none: 'Nav ierakstu',
  pager: 'Lapas',
  schoolYear: 'Mācību gads',
  schoolYearValue: '{from}./{to}.',
  group: 'Grupa',
  allGroups: 'Visas grupas',
  person: 'Persona',
  everyone: 'Visi',
  author: 'Autors',
  child: 'Bērns',
  search: 'Meklēt pēc vārda',
};

export const en: typeof lv = {
  showing: 'Showing {from}–{to} of {total}',
  none: 'No records',
  pager: 'Pages',
  schoolYear: 'School year',
  schoolYearValue: '{from}/{to}',
  group: 'Group',
  allGroups: 'All groups',
  person: 'Person',
  everyone: 'Everyone',
  author: 'Author',
  child: 'Child',
  search: 'Search by name',
};
