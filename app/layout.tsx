import type { Metadata, Viewport } from 'next';
import { GeistMono } from 'geist/font/mono';
import { GeistSans } from 'geist/font/sans';
import type { ReactNode } from 'react';
import { AppProviders } from '@/components/ui/AppProviders';
import { AppShell } from '@/components/ui/AppShell';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Callisto Hub', template: '%s · Callisto Hub' },
  description: 'Cold staking, treasury governance, audits and file storage on the Callisto Network.',
  // Naming icons here replaces the link Next makes for app/icon.svg, so the tab icon is named again beside the
  // home-screen icon iOS uses (it reads no manifest icons); the manifest is linked by app/manifest.ts.
  icons: {
    icon: { url: '/icon.svg', type: 'image/svg+xml' },
    apple: { url: '/icons/apple-touch-icon.png', sizes: '180x180', type: 'image/png' },
  },
  appleWebApp: { title: 'Callisto Hub', capable: true, statusBarStyle: 'black' },
};

export const viewport: Viewport = { themeColor: '#020617', width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="min-h-screen font-sans">
        <AppProviders>
          <AppShell>{children}</AppShell>
        </AppProviders>
      </body>
    </html>
  );
}
