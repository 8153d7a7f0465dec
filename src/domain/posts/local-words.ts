/**
 * Madison names the general word list does not know or splits wrongly (#lakemendota must become #LakeMendota, not
 * #LakeMenDota). Used only to split hashtags into words (accessibility); add a name when a split reads wrong.
 */
export const LOCAL_WORDS: readonly string[] = [
  'madison', 'dane', 'mendota', 'monona', 'wingra', 'waubesa', 'kegonsa', 'yahara', 'olbrich', 'tenney', 'vilas',
  'warner', 'olin', 'elver', 'cherokee', 'brittingham', 'goodman', 'breese', 'stevens', 'mifflin', 'capitol',
  'isthmus', 'badger', 'badgers', 'metro', 'wisconsin', 'madtown', 'atwood', 'willy', 'monroe', 'hilldale',
  'fitchburg', 'middleton', 'verona', 'mcfarland', 'maple', 'bluff',
];
