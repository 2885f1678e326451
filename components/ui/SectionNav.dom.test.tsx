import { render, screen, within } from '@testing-library/react';
import { PathnameContext } from 'next/dist/shared/lib/hooks-client-context.shared-runtime';
import { describe, expect, it } from 'vitest';
import { AuditsNav } from '@/components/audits/pageParts';

// The router gives the page's path through this context; the app router fills it in the built app.
function onPage(pathname: string) {
  render(
    <PathnameContext.Provider value={pathname}>
      <AuditsNav />
    </PathnameContext.Provider>,
  );
  return within(screen.getByRole('navigation', { name: 'Audit registry' }));
}

describe('a section’s navigation', () => {
  it('marks the page being shown, and only it', () => {
    const nav = onPage('/audits/new/');
    const current = nav.getByRole('link', { name: 'Request an audit' });
    expect(current.getAttribute('aria-current')).toBe('page');
    expect(current.className).toContain('bg-slate-800');
    for (const other of ['Registry', 'Auditor workspace', 'Manager console', 'Leaderboard']) {
      const link = nav.getByRole('link', { name: other });
      expect(link.getAttribute('aria-current')).toBeNull();
      expect(link.className).not.toContain('bg-slate-800');
    }
  });

  it('knows the page whether or not the router reports its trailing slash', () => {
    const nav = onPage('/audits/manage');
    expect(nav.getByRole('link', { name: 'Manager console' }).getAttribute('aria-current')).toBe('page');
    expect(nav.getByRole('link', { name: 'Registry' }).getAttribute('aria-current')).toBeNull();
  });

  it('marks nothing on a page the section does not list (a request’s page)', () => {
    const nav = onPage('/audits/request/');
    expect(nav.getAllByRole('link').filter((link) => link.getAttribute('aria-current'))).toEqual([]);
  });
});
