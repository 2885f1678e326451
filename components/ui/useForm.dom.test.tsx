import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { parseDecimal } from '@/lib/format/amount';
import { Field } from './FormField';
import { useField, useFormSubmit } from './useForm';

function amountProblem(text: string): string | undefined {
  const parsed = parseDecimal(text);
  if (parsed.kind === 'empty') return 'Enter an amount of CLO';
  return parsed.kind === 'invalid' ? parsed.reason : undefined;
}

/** A two-field form as a feature writes one. */
function StakeLikeForm({ onSend }: { onSend(amount: string, rounds: string): void }) {
  const amount = useField({ id: 'stake-amount', validate: amountProblem, hint: 'At most 18 decimals' });
  const rounds = useField({
    id: 'stake-rounds',
    initial: '1',
    validate: (v) => (/^([1-9]|1[0-2])$/.test(v) ? undefined : 'Choose 1 to 12 rounds'),
  });
  const submit = useFormSubmit([amount, rounds]);
  return (
    <form onSubmit={submit.handleSubmit(() => onSend(amount.value, rounds.value))}>
      <Field label="Amount" {...amount.fieldProps}>
        <input {...amount.inputProps} />
      </Field>
      <Field label="Rounds" {...rounds.fieldProps}>
        <input {...rounds.inputProps} />
      </Field>
      <button type="submit">Stake</button>
    </form>
  );
}

describe('useField with Field', () => {
  it('says nothing while the user types, and the problem once they leave the field', async () => {
    const user = userEvent.setup();
    render(<StakeLikeForm onSend={() => {}} />);
    const input = screen.getByLabelText('Amount');
    await user.type(input, '1.5.');
    expect(screen.queryByText('Enter a number, such as 100 or 2.5')).toBeNull();
    expect(input.getAttribute('aria-invalid')).toBeNull();

    await user.tab();
    const message = screen.getByText('Enter a number, such as 100 or 2.5');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    // The control points at its hint and at its message, so a screen reader reads both with it.
    expect(input.getAttribute('aria-describedby')?.split(' ')).toEqual(['stake-amount-hint', 'stake-amount-error']);
    expect(message.id).toBe('stake-amount-error');
    expect(document.getElementById('stake-amount-hint')?.textContent).toBe('At most 18 decimals');
  });

  it('follows every keystroke once the field was visited', async () => {
    const user = userEvent.setup();
    render(<StakeLikeForm onSend={() => {}} />);
    const input = screen.getByLabelText('Amount');
    await user.click(input);
    await user.tab();
    expect(screen.getByText('Enter an amount of CLO')).toBeTruthy();
    await user.type(input, '2.5');
    expect(screen.queryByText('Enter an amount of CLO')).toBeNull();
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(input.getAttribute('aria-describedby')).toBe('stake-amount-hint');
  });

  it('points only at the hint while there is no problem', () => {
    render(<StakeLikeForm onSend={() => {}} />);
    expect(screen.getByLabelText('Amount').getAttribute('aria-describedby')).toBe('stake-amount-hint');
    expect(screen.getByLabelText('Rounds').getAttribute('aria-describedby')).toBeNull();
  });
});

describe('useFormSubmit', () => {
  it('shows every problem on submit, focuses the first, and sends nothing', async () => {
    const user = userEvent.setup();
    const onSend = vi.fn();
    render(<StakeLikeForm onSend={onSend} />);
    await user.clear(screen.getByLabelText('Rounds'));
    await user.type(screen.getByLabelText('Rounds'), '13');
    // Submitting without leaving the field: the form must still show both problems.
    fireEvent.submit(screen.getByRole('button', { name: 'Stake' }).closest('form')!);
    expect(screen.getByText('Enter an amount of CLO')).toBeTruthy();
    expect(screen.getByText('Choose 1 to 12 rounds')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Amount'));
    expect(onSend).not.toHaveBeenCalled();
  });

  it('sends the values when every field is valid', async () => {
    const user = userEvent.setup();
    const onSend = vi.fn();
    render(<StakeLikeForm onSend={onSend} />);
    await user.type(screen.getByLabelText('Amount'), '100');
    await user.click(screen.getByRole('button', { name: 'Stake' }));
    expect(onSend).toHaveBeenCalledWith('100', '1');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('useField on a static page', () => {
  it('keeps what was typed before hydration, and sends it', async () => {
    const onSend = vi.fn();
    const form = <StakeLikeForm onSend={onSend} />;
    // The static export's HTML, typed into before React hydrates it.
    const container = document.createElement('div');
    container.innerHTML = renderToString(form);
    document.body.append(container);
    const amount = screen.getByLabelText<HTMLInputElement>('Amount');
    amount.value = '12.5';
    amount.dispatchEvent(new Event('input', { bubbles: true }));

    const root = await act(async () => hydrateRoot(container, form));
    const user = userEvent.setup();
    // A later render (typing elsewhere) writes every controlled input from its state.
    await user.clear(screen.getByLabelText('Rounds'));
    await user.type(screen.getByLabelText('Rounds'), '3');
    expect(screen.getByLabelText<HTMLInputElement>('Amount').value).toBe('12.5');
    await user.click(screen.getByRole('button', { name: 'Stake' }));
    expect(onSend).toHaveBeenCalledWith('12.5', '3');
    act(() => root.unmount());
    container.remove();
  });
});
