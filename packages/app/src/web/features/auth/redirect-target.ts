/** Only same-site paths: an open redirect through ?redirect= would be a phishing aid. */
export function safeRedirectTarget(target: string | undefined): string {
  if (!target?.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return '/';
  if (target.startsWith('/sign-in')) return '/';
  return target;
}
