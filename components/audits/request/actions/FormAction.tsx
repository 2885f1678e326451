'use client';

import type { Abi, ContractFunctionName } from 'viem';
import type { ContractWrite } from '@/lib/tx/runTransaction';
import { TransactionAction, type TransactionActionProps } from '@/components/ui/TransactionAction';
import type { useFormSubmit } from '@/components/ui/useForm';

const NOT_SENT = { error: 'Nothing was sent: correct the fields marked above' };

/**
 * A form's send button: the shared transaction action, with the form's fields checked on the press. Every field's
 * problem then shows next to it (the first one gets the focus), and the button says only that nothing was sent, so
 * no message is shown twice.
 */
export function FormAction<const abi extends Abi, name extends ContractFunctionName<abi, 'nonpayable' | 'payable'>>({
  form,
  build,
  ...props
}: TransactionActionProps<abi, name> & {
  form: ReturnType<typeof useFormSubmit>;
  build(): ContractWrite<abi, name> | { error: string };
}) {
  return (
    // The capture runs before the button's own handler, so the fields are marked before the call is built.
    <div onClickCapture={() => form.validateAll()}>
      <TransactionAction {...props} build={() => (form.isValid ? build() : NOT_SENT)} />
    </div>
  );
}
