/**
 * A QR code drawn as SVG in the renderer (qrcode-generator): no network, no canvas, no inline
 * style, so the strict CSP holds. Loaded on demand (React.lazy) to keep the first load small.
 */
import qrcode from 'qrcode-generator';
import { useMemo } from 'react';

/** Light modules around the code, as the QR specification asks (4 modules). */
const QUIET_ZONE = 4;

/** The dark modules of a code as one SVG path, and its size in modules (quiet zone included). */
export function qrPath(text: string): { path: string; size: number } | undefined {
  try {
    // Level M: survives a little glare or a scratch on the glass; auto version.
    const code = qrcode(0, 'M');
    code.addData(text, 'Byte');
    code.make();
    const count = code.getModuleCount();
    let path = '';
    for (let row = 0; row < count; row++) {
      for (let col = 0; col < count; col++) {
        if (code.isDark(row, col)) path += `M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`;
      }
    }
    return { path, size: count + 2 * QUIET_ZONE };
  } catch {
    // Too long for any QR version: show no code rather than a broken one.
    return undefined;
  }
}

/** Dark modules on a light quiet zone, in every theme; named by the address it holds. */
export default function QrCode({ text }: { text: string }) {
  const drawn = useMemo(() => qrPath(text), [text]);
  if (!drawn) return null;
  return (
    <svg
      className="qr-code"
      role="img"
      aria-label={text}
      viewBox={`0 0 ${drawn.size} ${drawn.size}`}
      shapeRendering="crispEdges"
      xmlns="http://www.w3.org/2000/svg"
    >
      <rect width={drawn.size} height={drawn.size} fill="#fff" />
      <path d={drawn.path} fill="#000" />
    </svg>
  );
}
