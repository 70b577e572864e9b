/** Words every front door shows the same way, whatever it renders with. */

const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const DAY = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "2021-03" → "March 2021", "2021-03-15" → "15 March 2021"; anything else as written. */
export function publishedOn(published: string): string {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(published);
  if (!match) return published;
  const month = Number(match[2]) - 1;
  const date = new Date(Date.UTC(Number(match[1]), month, Number(match[3] ?? 1)));
  // Date.UTC rolls "2021-13" over into the next year; such a date is shown as written.
  if (date.getUTCMonth() !== month || (match[3] && date.getUTCDate() !== Number(match[3])))
    return published;
  return (match[3] ? DAY : MONTH).format(date);
}

/**
 * "Discussed in our team" until someone says so; then the team's discussion, with how
 * many colleagues have confirmed it (people, never clicks).
 */
export function discussedLabel(count: number): string {
  return count > 0 ? `Discussed by this team (${count} confirmed)` : 'Discussed in our team';
}
