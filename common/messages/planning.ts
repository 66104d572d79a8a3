import type { DomainMessages } from './types';

/** Messages of plans, topics and marks; keys start with 'planning.'. */
export const planningMessages: DomainMessages = {
  lv: {
    'planning.endBeforeStart': 'Beigu datums nevar būt pirms sākuma datuma.',
    'planning.outsideSchoolYear': 'Temats jāiekļauj grupas mācību gadā ({from}–{to}).',
    'planning.outsideMonth': 'Tematam jāaptver vismaz viena plāna mēneša diena.',
    'planning.notGroupTeacher':
      'Šīs grupas plānu un vērtējumus var rakstīt tikai grupas skolotāji.',
    'planning.groupNotFound': 'Grupa nav atrasta.',
    'planning.topicHasMarks': 'Tematam jau ir vērtējumi; vispirms notīriet tos vērtēšanas lapā.',
    'planning.noTopics': 'Plānā jābūt vismaz vienam tematam.',
    'planning.nothingToSubmit': 'Kopš pēdējās iesniegšanas plānā nav izmaiņu.',
    'planning.markAndReason': 'Šūnā var būt vai nu vērtējums, vai kavējuma iemesls.',
    'planning.notEnrolled': 'Bērns {name} temata laikā nav šajā grupā.',
    'planning.areaNotPlanned': 'Šim tematam nav plānoti rezultāti jomā “{area}”.',
    'planning.copySame': 'Plānu nevar kopēt pašu sevī.',
    'planning.topicChanged':
      'Kamēr strādājāt, šo tematu saglabāja kāds cits. Jūsu izmaiņas netika saglabātas; atveriet tematu no jauna.',
  },
  en: {
    'planning.endBeforeStart': 'The end date cannot be before the start date.',
    'planning.outsideSchoolYear':
      "The topic must lie within the group's school year ({from}–{to}).",
    'planning.outsideMonth': "The topic must cover at least one day of the plan's month.",
    'planning.notGroupTeacher': "Only the group's teachers may write its plan and marks.",
    'planning.groupNotFound': 'Group not found.',
    'planning.topicHasMarks':
      'The topic already has marks; clear them on the assessment sheet first.',
    'planning.noTopics': 'The plan needs at least one topic.',
    'planning.nothingToSubmit': 'Nothing has changed since the plan was last submitted.',
    'planning.markAndReason': 'A cell holds either a mark or an absence reason, not both.',
    'planning.notEnrolled': 'The child {name} is not in this group during the topic.',
    'planning.areaNotPlanned': 'This topic plans no results in the area “{area}”.',
    'planning.copySame': 'A plan cannot be copied into itself.',
    'planning.topicChanged':
      'Someone else saved this topic while you were working. Your changes were not saved; open the topic again.',
  },
};
