import { useCallback, useState } from 'react';

/**
 * One polite live region for the review screen: saves and other quiet confirmations are read out without moving
 * focus. Saying the same words twice still announces them (the region is emptied first).
 */
export function useLiveAnnouncer() {
  const [message, setMessage] = useState({ text: '', serial: 0 });
  const announce = useCallback((text: string) => setMessage((m) => ({ text, serial: m.serial + 1 })), []);
  const region = (
    <p className="visually-hidden" role="status" aria-live="polite" data-testid="workspace-announcer">
      <span key={message.serial}>{message.text}</span>
    </p>
  );
  return { announce, region };
}
