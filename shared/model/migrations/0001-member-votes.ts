import type { Migration } from './runner';

/** Format 2 keeps each committee member's own vote per criterion beside the committee's verdict; older reviews have none. */
export const memberVotes: Migration = {
  from: 1,
  name: '0001-member-votes',
  up: (document) => ({ ...document, votes: [] }),
};
