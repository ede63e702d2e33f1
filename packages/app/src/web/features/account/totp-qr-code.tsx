import { Skeleton } from '@mantine/core';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

const size = 200;

/** The otpauth:// address as a QR code for the authenticator app to scan. */
export function TotpQrCode({ totpUri }: { totpUri: string }) {
  const [dataUrl, setDataUrl] = useState<string | null>(null);

  useEffect(() => {
    let isCurrent = true;
    QRCode.toDataURL(totpUri, { errorCorrectionLevel: 'M', margin: 2, width: size })
      .then((url) => {
        if (isCurrent) setDataUrl(url);
      })
      .catch(() => setDataUrl(null));
    return () => {
      isCurrent = false;
    };
  }, [totpUri]);

  if (!dataUrl) return <Skeleton width={size} height={size} />;
  return (
    <img
      src={dataUrl}
      width={size}
      height={size}
      alt="QR code for your authenticator app. If you cannot scan it, type the setup key shown below instead."
      style={{ display: 'block', border: '1px solid var(--mantine-color-gray-4)' }}
    />
  );
}
