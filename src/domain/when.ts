/** A moment as people in the City read it, in the configured time zone ("Tue, Mar 3, 2026, 2:05 PM"). */
export function formatWhen(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit' }).format(at);
}
