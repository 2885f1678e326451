import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { describeReadError } from './describeReadError';

export function Card({ title, children, className = '' }: { title?: string; children: ReactNode; className?: string }) {
  return (
    <section className={`rounded-xl border border-slate-800 bg-slate-900/60 p-4 sm:p-5 ${className}`}>
      {title && <h2 className="mb-3 text-base font-semibold text-slate-100">{title}</h2>}
      {children}
    </section>
  );
}

/** A labelled figure. `value` undefined renders a loading placeholder of the same size. */
export function Stat({ label, value, hint }: { label: string; value: ReactNode | undefined; hint?: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs uppercase tracking-wide text-slate-400">{label}</dt>
      <dd className="mt-1 text-lg font-semibold tabular-nums break-words text-slate-50">
        {value === undefined ? (
          <span className="inline-block h-6 w-24 animate-pulse rounded bg-slate-800" aria-label="loading" />
        ) : (
          value
        )}
      </dd>
      {hint && <dd className="mt-0.5 text-xs text-slate-400">{hint}</dd>}
    </div>
  );
}

type ButtonVariant = 'primary' | 'secondary' | 'danger';

const variants: Record<ButtonVariant, string> = {
  primary: 'bg-teal-500 text-slate-950 hover:bg-teal-400',
  secondary: 'border border-slate-700 bg-slate-800 text-slate-100 hover:bg-slate-700',
  danger: 'bg-rose-600 text-white hover:bg-rose-500',
};

export function Button({
  variant = 'primary',
  className = '',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant }) {
  return (
    <button
      type="button"
      {...props}
      className={`inline-flex min-h-10 items-center justify-center rounded-md px-4 py-2 text-sm font-semibold transition-colors disabled:cursor-not-allowed disabled:opacity-50 ${variants[variant]} ${className}`}
    />
  );
}

/** Shown in place of a feature whose contract has no address on the current network. */
export function NotDeployed({ feature, network }: { feature: string; network: string }) {
  return (
    <Card>
      <p className="text-sm text-slate-300">
        {feature} is not deployed on {network}.
      </p>
    </Card>
  );
}

/**
 * Shown in place of a page's content when its first read failed, with a retry: "The proposal cannot be read: the
 * network does not answer." With `error`, the cause is described in words (`describeReadError`); without it, the
 * network is assumed down, the commonest cause.
 */
export function ReadFailed({ what, error, onRetry }: { what: string; error?: unknown; onRetry(): void }) {
  const cause = error === undefined ? 'the network does not answer' : describeReadError(error);
  return (
    <Card>
      <p role="alert" className="text-sm text-rose-200">
        {what} cannot be read: {cause}.
      </p>
      <Button variant="secondary" className="mt-3" onClick={onRetry}>
        Try again
      </Button>
    </Card>
  );
}
