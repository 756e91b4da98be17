/**
 * A PIN field that shows its own problem under it (from the form's `FieldProblemsProvider`),
 * marked invalid and linked to the message.
 */
import { describedBy, FieldError, useFieldProblem } from '../FieldProblems';
import { PinField, type PinFieldProps } from './PinField';

/** `PinField` plus the problem of the field `name`, if any. */
export function CheckedPinField({ name, ...props }: PinFieldProps & { name: string }) {
  const problem = useFieldProblem(name);
  return (
    <>
      <PinField
        {...props}
        invalid={problem.invalid ?? props.invalid}
        describedBy={describedBy(problem.errorId, props.describedBy)}
      />
      <FieldError problem={problem} />
    </>
  );
}
