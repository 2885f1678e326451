'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { AccountButton } from './AccountButton';
import { SettingsDialog } from './SettingsDialog';

const navItems = [
  { href: '/', label: 'Overview' },
  { href: '/staking/', label: 'Staking' },
  { href: '/governance/', label: 'Governance' },
  { href: '/audits/', label: 'Audits' },
  { href: '/files/', label: 'Files' },
  { href: '/nodes/', label: 'Nodes' },
] as const;

function isActive(pathname: string, href: string): boolean {
  return href === '/' ? pathname === '/' : pathname.startsWith(href.replace(/\/$/, ''));
}

export function Header() {
  const pathname = usePathname();
  return (
    <header className="border-b border-slate-800 bg-slate-950/90">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-3 px-4 py-3 sm:gap-x-6 sm:px-6">
        <Link href="/" className="text-lg font-bold tracking-tight text-teal-300">
          Callisto Hub
        </Link>
        {/* On a phone the nav takes its own rows, three links a row, so every section stays in sight (a row that
            scrolled sideways hid Files and Nodes off-screen); from the small breakpoint up, one wrapping row. */}
        <nav aria-label="Main" className="order-3 w-full sm:order-none sm:w-auto">
          <ul className="grid grid-cols-3 gap-1 sm:flex sm:flex-wrap">
            {navItems.map((item) => {
              const active = isActive(pathname, item.href);
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={active ? 'page' : undefined}
                    className={`block rounded-md px-3 py-2 text-center text-sm sm:text-left ${active ? 'bg-slate-800 text-white' : 'text-slate-300 hover:text-white'}`}
                  >
                    {item.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <div className="ml-auto flex items-center gap-2">
          <SettingsDialog />
          <AccountButton />
        </div>
      </div>
    </header>
  );
}
