export interface SummaryItem {
  id: string;
  label: string;
  message: string;
}

const bare = (text: string) =>
  text
    .trim()
    .replace(/[?.:]$/, '')
    .toLowerCase();

/**
 * One line of the error summary: "ZIP code: Enter a 5-digit ZIP code", without a colon after a
 * question mark, and the message alone when it already says what the label says ("Type your full
 * name to sign.", not "Type your full name to sign: Type your full name to sign.").
 */
export function summaryLine(item: SummaryItem): string {
  if (bare(item.label) === bare(item.message)) return item.message;
  return `${item.label}${/[?.:]$/.test(item.label) ? ' ' : ': '}${item.message}`;
}
