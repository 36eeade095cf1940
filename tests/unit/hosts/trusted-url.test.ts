import { describe, expect, it } from 'vitest';
import { isAppUrl, isExternalLinkAllowed } from '../../../electron/main/trusted-url';

describe('which URLs the Electron shell trusts', () => {
  it.each(['app://policy-review/index.html', 'app://policy-review/assets/x.js?y#z'])('treats %s as the app', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each([
    'app://evil/index.html',
    'app://policy-review.evil.com/index.html',
    'app://user:pw@policy-review/index.html',
    'https://policy-review/index.html',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
    'not a url',
  ])('does not treat %s as the app', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('lets only plain https links out to the system browser', () => {
    expect(isExternalLinkAllowed('https://www.w3.org/TR/annotation-model/')).toBe(true);
    for (const url of [
      'http://example.org',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'mailto:a@b.c',
      'https://u:p@example.org',
      'smb://host/share',
    ]) {
      expect(isExternalLinkAllowed(url), url).toBe(false);
    }
  });
});
