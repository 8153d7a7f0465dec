import { card, openUrl, status, text, title } from './elements';

/**
 * Drafts stay in the personal chat (CARDS.md, issue 10): in a channel or group chat the bot says so, shows nothing
 * of any draft, and offers the way to the personal chat.
 */
export function personalChatCard(v: { what: string; command: string; url: string }) {
  return card(
    [
      title('This happens in your personal chat'),
      status(`${v.what} in your personal chat with Social Steward: drafts live there, so what you write stays private until you send it.`),
      text(`Open the chat and type **${v.command}** there.`, { size: 'Small' }),
    ],
    [openUrl('Open personal chat', v.url)],
  );
}
