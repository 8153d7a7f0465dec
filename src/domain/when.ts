/**
 * Building an Intl.DateTimeFormat costs far more than formatting with one (it showed in the bot's CPU profile, once
 * per date on a card), so one formatter per time zone is kept; there are only ever a few zones.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** A moment as people in the City read it, in the configured time zone ("Tue, Mar 3, 2026, 2:05 PM"). */
export function formatWhen(at: Date, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f.format(at);
}
