/** Today's date on this computer's calendar, as `YYYY-MM-DD` (the services judge "overdue" the same way). */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A date some days from today, as `YYYY-MM-DD`. */
export function daysFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return today(date);
}

export function isOverdue(action: { status: string; dueDate: string }): boolean {
  return action.status === 'open' && action.dueDate < today();
}
