import { useEffect } from 'react';

/** Each page names itself first, then the service: "Users – Peerpath". */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – Peerpath`;
  }, [title]);
}
