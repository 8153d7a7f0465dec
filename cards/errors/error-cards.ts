import { card, execute, status, text, title } from '../common/elements';

/** The friendly card for a coded application error: what happened, in plain words, and a way on. */
export function refusalCard(heading: string, message: string) {
  return card([title(heading), status(message, 'attention')], [execute('Show what I can do', { verb: 'help.show' })]);
}

const list = (words: string[]) => (words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}` : words[0]);

/**
 * Something we did not expect: a short apology and the id IT needs to find the log line. It says "Nothing was
 * changed" only when nothing was committed; otherwise what was saved, so nobody does it twice (issue 9 item 5).
 */
export function apologyCard(correlationId: string, saved: string[] = []) {
  const outcome = saved.length
    ? `Your ${list(saved)} ${saved.length > 1 ? 'were' : 'was'} saved, but Social Steward could not show what comes next. Type "help" to carry on; do not do it again.`
    : 'Social Steward could not finish that. Nothing was changed.';
  return card(
    [
      title('Sorry, something went wrong'),
      status(outcome, 'attention'),
      text(`If it happens again, tell IT this reference: **${correlationId}**`, { subtle: true }),
    ],
    [execute('Show what I can do', { verb: 'help.show' })],
  );
}
