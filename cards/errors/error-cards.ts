import { card, execute, status, text, title } from '../common/elements';

/** The friendly card for a coded application error: what happened, in plain words, and a way on. */
export function refusalCard(heading: string, message: string) {
  return card([title(heading), status(message, 'attention')], [execute('Show what I can do', { verb: 'help.show' })]);
}

/** Something we did not expect: a short apology and the id IT needs to find the log line. */
export function apologyCard(correlationId: string) {
  return card(
    [
      title('Sorry, something went wrong'),
      status('Social Steward could not finish that. Nothing was changed.', 'attention'),
      text(`If it happens again, tell IT this reference: **${correlationId}**`, { subtle: true }),
    ],
    [execute('Show what I can do', { verb: 'help.show' })],
  );
}
