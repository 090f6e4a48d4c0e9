/**
 * Several property decorators as one, applied as if written stacked on the property in this order (the last one is
 * nearest the property and runs first). Keeps class-validator's order — which message a field shows — the same as
 * when the decorators were written out.
 */
export function stacked(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => {
    for (const decorator of [...decorators].reverse()) decorator(target, key);
  };
}
