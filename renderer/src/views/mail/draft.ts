/** What a new message starts with: empty, or a reply's recipients, subject and quote. */
export interface Draft {
  /** 'user:5', 'list:teachers'. */
  to?: string[];
  subject?: string;
  body?: string;
  replyToId?: number;
}
