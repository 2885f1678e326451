import type { MetadataRoute } from 'next';

// The web app manifest, so a phone can keep Callisto Hub on its home screen. Emitted as a static file
// (out/manifest.webmanifest) by the static export; Next links it from every page. Colours: the app's slate-950
// background; the icons are drawn by scripts/icons.ts.
export const dynamic = 'force-static';

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'Callisto Hub',
    short_name: 'Callisto Hub',
    description: 'Cold staking, treasury governance, audits and file storage on the Callisto Network.',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#020617',
    theme_color: '#020617',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
